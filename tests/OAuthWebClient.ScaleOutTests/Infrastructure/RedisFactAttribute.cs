using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.ScaleOutTests.Infrastructure;

/// <summary>
/// A test that needs the real Redis — the shared one (<see cref="TestRedis"/>), or with <see cref="OwnServer"/> a
/// redis-server it starts and stops itself (<see cref="RedisServerProcess"/>). Locally without one it is skipped with
/// instructions; in CI (<c>CI=true</c>) it runs anyway and fails, because CI must have Redis.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    private static readonly bool InCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The test runs its own redis-server process (to stop and start it), rather than the shared one.</summary>
    public bool OwnServer { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? (InCi ? null : WhyUnavailable());
        set => base.Skip = value;
    }

    private string? WhyUnavailable() => OwnServer
        ? RedisServerProcess.WhyUnavailable
        : TestRedis.WhyUnavailable is { } reason
            ? $"Redis is not reachable at {TestRedis.Endpoint} ({reason}). Start one with " +
              "`redis-server --port 6390 --daemonize yes` and set OAUTHWEBCLIENT_TEST_REDIS=127.0.0.1:6390."
            : null;
}
