using OAuthWebClient.ScaleOut;
using StackExchange.Redis;

namespace OAuthWebClient.Callback;

/// <summary>The replay cache shared by all instances: SET NX with expiry, atomic in Redis.</summary>
public sealed class RedisStateReplayCache(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider timeProvider) : IStateReplayCache
{
    public Task<bool> TryConsumeAsync(string stateFingerprint, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ttl = until - timeProvider.GetUtcNow();
        return redis.GetDatabase().StringSetAsync(keys.UsedState(stateFingerprint), "used", ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1), When.NotExists);
    }
}
