using OAuthWebClient.Client.Redis;
using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>The replay cache shared by all instances: SET NX with expiry, atomic in Redis.</summary>
internal sealed class RedisStateReplayCache(IConnectionMultiplexer redis, RedisKeys keys, RedisAvailability availability, TimeProvider timeProvider) : IStateReplayCache
{
    /// <exception cref="StoreUnavailableException">Redis does not answer: the callback fails closed, no code is redeemed.</exception>
    public Task<bool> TryConsumeAsync(string stateFingerprint, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ttl = until - timeProvider.GetUtcNow();
        return availability.RunAsync("mark the state used", db => db.StringSetAsync(keys.UsedState(stateFingerprint), "used", ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1), When.NotExists), redis);
    }
}
