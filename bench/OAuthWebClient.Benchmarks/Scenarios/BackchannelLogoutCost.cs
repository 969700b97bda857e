using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8, back-channel logout (OpenID Connect Back-Channel Logout 1.0): ours' <see cref="IBackchannelLogoutService"/>
/// in process — the logout token validated (signature with the provider's JWKS, iss, aud, iat, jti once, events, sid/sub)
/// and the one session it names ended in the in-memory token store — per token, each naming another signed-in session.
/// </summary>
internal static class BackchannelLogoutCost
{
    /// <summary>Signed-in sessions beside those the tokens end, so the index is not trivially small.</summary>
    private const int Bystanders = 1000;

    /// <summary>µs per logout token signed with <paramref name="algorithm"/> (ES256 or RS256).</summary>
    public static double Measure(InProcessAuthorizationServer server, string algorithm, int iterations)
    {
        using var client = new InProcessClient(server, new Dictionary<string, string?> { ["OAuth:ClientSecret"] = InProcessClient.ClientSecret });
        var store = client.Services.GetRequiredService<ITokenStore>();
        var service = client.Services.GetRequiredService<IBackchannelLogoutService>();
        var tokens = new Queue<string>();
        for (var i = 0; i < CpuCost.Calls(iterations) + Bystanders; i++)
        {
            var (subject, sid) = ("user-" + i, Guid.NewGuid().ToString());
            store.SetAsync("session-" + i, new TokenSet
            {
                AccessToken = "at-" + i, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1), Scope = "openid",
                Issuer = InProcessAuthorizationServer.Issuer, Subject = subject, ProviderSessionId = sid,
            }, CancellationToken.None).GetAwaiter().GetResult();
            if (i >= Bystanders)
            {
                tokens.Enqueue(server.LogoutToken(algorithm, InProcessClient.ClientId, subject, sid));
            }
        }

        var failed = 0;
        var micros = CpuCost.MeasureAsync(iterations, async () =>
        {
            var result = await service.HandleAsync(null, tokens.Dequeue());
            failed += result is { Succeeded: true, SessionsEnded: 1 } ? 0 : 1;
            return result;
        });
        return failed == 0 ? micros : throw new InvalidOperationException($"{failed} {algorithm} logout tokens did not end their session.");
    }
}
