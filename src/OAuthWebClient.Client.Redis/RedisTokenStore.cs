using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Redis;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Tokens in Redis, shared by every instance: one encrypted value per session (a single SET, so a rotated
/// refresh token is stored atomically), expiring with the session and slid on every read — and the back-channel logout
/// index beside it (<see cref="RedisSessionIndex"/>), so a logout token received by any instance ends the session on all.
/// </summary>
internal sealed class RedisTokenStore(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    TokenSetProtector protector,
    RedisAvailability availability,
    IOptions<OAuthClientOptions> options,
    TimeProvider? time = null) : ITokenStore
{
    private readonly TimeSpan _lifetime = options.Value.SessionLifetime;
    private readonly RedisSessionIndex _index = new(keys, protector, options.Value.SessionLifetime, time ?? TimeProvider.System);

    /// <exception cref="StoreUnavailableException">Redis does not answer.</exception>
    public async Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var value = await availability.RunAsync("read tokens", db => db.StringGetSetExpiryAsync(keys.Tokens(sessionId), _lifetime), redis);
        var tokens = value.IsNull ? null : protector.Unprotect((byte[])value!);
        if (tokens is not null)
        {
            _index.Slide(redis.GetDatabase(), tokens);
        }

        return tokens;
    }

    public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken) =>
        availability.RunAsync("store tokens", async db =>
        {
            var stored = db.StringSetAsync(keys.Tokens(sessionId), protector.Protect(tokens), _lifetime);
            await Task.WhenAll(stored, _index.AddAsync(db, sessionId, tokens));
            return await stored;
        }, redis);

    /// <summary>SET … XX: written only if the key still exists — one key, one command, so atomic (and Cluster-safe).</summary>
    public Task<bool> ReplaceAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken) =>
        availability.RunAsync("replace tokens", async db =>
        {
            var replaced = await db.StringSetAsync(keys.Tokens(sessionId), protector.Protect(tokens), _lifetime, When.Exists);
            if (replaced)
            {
                await _index.AddAsync(db, sessionId, tokens);
            }

            return replaced;
        }, redis);

    /// <summary>The index keeps the session's fingerprint until its sets expire or a logout finds it gone.</summary>
    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) =>
        availability.RunAsync("remove tokens", db => db.KeyDeleteAsync(keys.Tokens(sessionId)), redis);

    public Task<int> RemoveByProviderSessionAsync(string issuer, string? providerSessionId, string? subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return availability.RunAsync("end sessions (back-channel logout)", db => _index.RemoveAsync(db, issuer, providerSessionId, subject), redis);
    }
}
