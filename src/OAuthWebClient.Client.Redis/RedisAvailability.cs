using StackExchange.Redis;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Runs every Redis call of the token store, replay cache and refresh lease: a failure becomes a
/// <see cref="StoreUnavailableException"/>, logged once when the outage starts (not per request) and once when Redis
/// answers again. StackExchange.Redis reconnects by itself, so recovery needs no restart.
/// </summary>
internal sealed class RedisAvailability(TimeProvider timeProvider, ILogger<RedisAvailability> logger)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _downSince;

    public async Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> call, IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(redis);
        T result;
        try
        {
            result = await call(redis.GetDatabase());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(operation, e);
            throw new StoreUnavailableException($"Redis did not answer ({operation}: {e.GetType().Name}).", e);
        }

        Succeeded();
        return result;
    }

    private void Failed(string operation, Exception exception)
    {
        lock (_lock)
        {
            if (_downSince is not null)
            {
                return;
            }

            _downSince = timeProvider.GetUtcNow();
        }

        Log.RedisUnavailable(logger, operation, exception.GetType().Name);
    }

    private void Succeeded()
    {
        TimeSpan downFor;
        lock (_lock)
        {
            if (_downSince is not { } since)
            {
                return;
            }

            downFor = timeProvider.GetUtcNow() - since;
            _downSince = null;
        }

        Log.RedisAvailableAgain(logger, downFor);
    }
}
