using System.Net;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>The driver's HTTP: one connection pool per target, no cookies or redirects handled for it, bodies read to the end.</summary>
internal static class Http
{
    public static HttpMessageInvoker CreateInvoker(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    });

    /// <summary>GET <paramref name="uri"/> (with a Cookie or Authorization header) and read the whole answer; true for <paramref name="expected"/>.</summary>
    public static async ValueTask<bool> GetAsync(HttpMessageInvoker invoker, Uri uri, HttpStatusCode expected, string? cookie = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        using var response = await invoker.SendAsync(request, CancellationToken.None);
        await DrainAsync(response);
        return response.StatusCode == expected;
    }

    public static async Task DrainAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
    }

    /// <summary>The <c>name=value</c> parts of every Set-Cookie, as the Cookie header a browser would send back.</summary>
    public static string CookieHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? string.Join("; ", values.Select(v => v.Split(';', 2)[0]))
            : "";
}
