using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.ScaleOutTests.Cluster;

/// <summary>
/// A test against the Redis Cluster of <see cref="RedisClusterFixture"/>. Locally without redis-server and redis-cli it is
/// skipped with instructions; in CI (<c>CI=true</c>) it runs anyway and fails, because CI must have Redis.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisClusterFactAttribute : FactAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? (RedisClusterFixture.InCi ? null : RedisClusterProcess.WhyUnavailable);
        set => base.Skip = value;
    }
}
