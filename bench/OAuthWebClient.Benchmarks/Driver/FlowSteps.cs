using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The two browser-facing steps against the fast token server, for ours and the peer alike: the login start (its
/// 302 gives the cookies, the state and the nonce) and the callback with <c>code = nonce</c>, <c>state</c> and <c>iss</c>.
/// </summary>
internal static class FlowSteps
{
    public static async ValueTask<PendingCallback?> StartAsync(HttpMessageInvoker invoker, ClientApp client, Uri issuer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, client.LoginStart);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        await Http.DrainAsync(response);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is not { IsAbsoluteUri: true } location)
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(location.Query);
        if (!query.TryGetValue("state", out var state) || !query.TryGetValue("nonce", out var nonce))
        {
            return null;
        }

        var callback = new Uri(client.Origin, $"{client.CallbackPath}?code={Uri.EscapeDataString(nonce!)}&state={Uri.EscapeDataString(state!)}&iss={Uri.EscapeDataString(issuer.AbsoluteUri)}");
        return new PendingCallback(callback, Http.CookieHeader(response));
    }

    /// <summary>True when the client signed in: 302 back to the return URL.</summary>
    public static async ValueTask<bool> FinishAsync(HttpMessageInvoker invoker, PendingCallback pending)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pending.Callback);
        request.Headers.TryAddWithoutValidation("Cookie", pending.Cookie);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        await Http.DrainAsync(response);
        return response.StatusCode == HttpStatusCode.Found && response.Headers.Location?.OriginalString == "/photos";
    }

    /// <summary>A whole sign-in: login start, then callback.</summary>
    public static async ValueTask<bool> SignInAsync(HttpMessageInvoker invoker, ClientApp client, Uri issuer) =>
        await StartAsync(invoker, client, issuer) is { } pending && await FinishAsync(invoker, pending);
}
