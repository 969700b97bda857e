using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Client.Session;
using StackExchange.Redis;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// What one session takes in Redis, by Redis's own accounting (<c>MEMORY USAGE</c>: value, key, object and dict overhead):
/// its token key, and its back-channel logout index (the sid and sub sets), each session written by ours' own store.
/// </summary>
internal static class SessionBytes
{
    public static async Task<(double Tokens, double Index)> MeasureAsync(IDatabase db, RedisTokenStore store, RedisKeys keys, TokenSet template, int samples)
    {
        var (tokenBytes, indexBytes) = (0.0, 0.0);
        for (var i = 0; i < samples; i++)
        {
            var id = SessionClaims.NewSessionId();
            // Each its own person and provider session, as after distinct sign-ins; none shares an index set.
            var tokens = SessionFill.Person(template);
            await store.SetAsync(id, tokens, CancellationToken.None);
            tokenBytes += await UsageAsync(db, keys.Tokens(id));
            indexBytes += await UsageAsync(db, keys.ProviderSession(tokens.Issuer, tokens.ProviderSessionId!)) + await UsageAsync(db, keys.Subject(tokens.Issuer, tokens.Subject!));
        }

        return (tokenBytes / samples, indexBytes / samples);
    }

    private static async Task<double> UsageAsync(IDatabase db, RedisKey key) =>
        await db.ExecuteAsync("MEMORY", "USAGE", (string)key!, "SAMPLES", "0") is { IsNull: false } usage ? (double)usage : 0;
}
