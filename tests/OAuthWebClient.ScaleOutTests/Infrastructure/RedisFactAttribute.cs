namespace OAuthWebClient.ScaleOutTests.Infrastructure;

/// <summary>
/// A test that needs the real Redis. Locally without one it is skipped with instructions; in CI
/// (<c>CI=true</c>) it runs anyway and fails, because CI must have Redis.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && TestRedis.WhyUnavailable is { } reason)
        {
            Skip = $"Redis is not reachable at {TestRedis.Endpoint} ({reason}). Start one with " +
                "`redis-server --port 6390 --daemonize yes` and set OAUTHWEBCLIENT_TEST_REDIS=127.0.0.1:6390.";
        }
    }
}
