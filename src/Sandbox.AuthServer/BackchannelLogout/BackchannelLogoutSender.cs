using Microsoft.Extensions.Options;
using Sandbox.AuthServer.Configuration;

namespace Sandbox.AuthServer.BackchannelLogout;

/// <summary>
/// Back-Channel Logout 1.0 §2.5 at the OP: when a sandbox session ends, POSTs a logout token to every client it signed in
/// to that registered a <c>BackchannelLogoutUri</c> — all at once, each bounded by the HTTP client's timeout, and awaited, so
/// the clients have ended their sessions when the browser goes on. Logs each client's answer, never the token.
/// </summary>
public sealed class BackchannelLogoutSender(
    SandboxSessions sessions,
    LogoutTokenFactory tokens,
    IHttpClientFactory httpClientFactory,
    IOptions<AuthServerOptions> options,
    ILogger<BackchannelLogoutSender> logger)
{
    public const string HttpClientName = "Sandbox.BackchannelLogout";

    /// <summary>A client that does not answer within this is reported as failed; the logout goes on without it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Ends the session <paramref name="sid"/> at its clients; empty when it is unknown or signed in nowhere.</summary>
    public async Task<IReadOnlyList<BackchannelLogoutDelivery>> EndSessionAsync(string? sid)
    {
        if (sid is null || sessions.End(sid) is not { } session)
        {
            return [];
        }

        var clients = options.Value.Clients.Where(c => !string.IsNullOrEmpty(c.BackchannelLogoutUri) && session.Clients.ContainsKey(c.ClientId));

        // Not the browser's request's token: a person closing the tab must not stop the logout half-way.
        return await Task.WhenAll(clients.Select(client => DeliverAsync(client, session.Subject, sid)));
    }

    private async Task<BackchannelLogoutDelivery> DeliverAsync(ClientRegistration client, string subject, string sid)
    {
        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("logout_token", tokens.Create(client.ClientId, subject, sid))]);
        try
        {
            using var response = await http.PostAsync(new Uri(client.BackchannelLogoutUri!), form);
            Log.BackchannelLogoutDelivered(logger, client.ClientId, (int)response.StatusCode);
            return new(client.ClientId, (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            var failure = e is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : "unreachable";
            Log.BackchannelLogoutFailed(logger, client.ClientId, failure);
            return new(client.ClientId, null, failure);
        }
    }
}
