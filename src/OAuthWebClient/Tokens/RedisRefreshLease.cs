using OAuthWebClient.OAuth;
using OAuthWebClient.ScaleOut;
using StackExchange.Redis;

namespace OAuthWebClient.Tokens;

/// <summary>
/// A lease per session in Redis (SET NX with expiry; released only by its owner), so instances behind a load
/// balancer do not redeem the same single-use refresh token twice. If the holder dies, the lease expires.
/// </summary>
public sealed class RedisRefreshLease(IConnectionMultiplexer redis, RedisKeys keys) : IRefreshLease
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string sessionId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var key = keys.RefreshLease(sessionId);
        var owner = RandomValue.Create(16);
        var database = redis.GetDatabase();
        return await database.LockTakeAsync(key, owner, duration) ? new Lease(database, key, owner) : null;
    }

    private sealed class Lease(IDatabase database, RedisKey key, string owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.LockReleaseAsync(key, owner);
    }
}
