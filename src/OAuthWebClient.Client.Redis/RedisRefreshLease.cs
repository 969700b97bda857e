using OAuthWebClient.Client.Redis;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// A lease per session in Redis (SET NX with expiry; released only by its owner), so instances behind a load
/// balancer do not redeem the same single-use refresh token twice. If the holder dies, the lease expires.
/// </summary>
internal sealed class RedisRefreshLease(IConnectionMultiplexer redis, RedisKeys keys, RedisAvailability availability) : IRefreshLease
{
    /// <exception cref="StoreUnavailableException">Redis does not answer.</exception>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string sessionId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var key = keys.RefreshLease(sessionId);
        var owner = RandomValue.Create(16);
        return await availability.RunAsync("take the refresh lease", db => db.LockTakeAsync(key, owner, duration), redis)
            ? new Lease(redis, availability, key, owner)
            : null;
    }

    private sealed class Lease(IConnectionMultiplexer redis, RedisAvailability availability, RedisKey key, string owner) : IAsyncDisposable
    {
        /// <summary>A release that cannot reach Redis is harmless: the lease expires by itself.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await availability.RunAsync("release the refresh lease", db => db.LockReleaseAsync(key, owner), redis);
            }
            catch (StoreUnavailableException)
            {
            }
        }
    }
}
