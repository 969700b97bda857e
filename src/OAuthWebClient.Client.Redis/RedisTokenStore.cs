using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Redis;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Tokens in Redis, shared by every instance: one encrypted value per session (a single SET, so a rotated
/// refresh token is stored atomically), expiring with the session and slid on every read.
/// </summary>
internal sealed class RedisTokenStore(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    TokenSetProtector protector,
    RedisAvailability availability,
    IOptions<OAuthClientOptions> options) : ITokenStore
{
    private readonly TimeSpan _lifetime = options.Value.SessionLifetime;

    /// <exception cref="StoreUnavailableException">Redis does not answer.</exception>
    public async Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var value = await availability.RunAsync("read tokens", db => db.StringGetSetExpiryAsync(keys.Tokens(sessionId), _lifetime), redis);
        return value.IsNull ? null : protector.Unprotect((byte[])value!);
    }

    public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken) =>
        availability.RunAsync("store tokens", db => db.StringSetAsync(keys.Tokens(sessionId), protector.Protect(tokens), _lifetime), redis);

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) =>
        availability.RunAsync("remove tokens", db => db.KeyDeleteAsync(keys.Tokens(sessionId)), redis);
}
