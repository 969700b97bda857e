using OAuthWebClient.DeploymentTests.Infrastructure;
using OAuthWebClient.Testing.Deployment;
using Xunit.Abstractions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// The soak in the production topology: eight sessions (each two tabs sharing cookies, loading a gallery's thumbnails
/// together) sign in and browse through nginx over TLS, round robin across both instances, while instance 1 has a
/// rolling restart (SIGTERM, then started again) halfway. 80 s tokens refreshed in their last 60 s: a refresh per session
/// every 20 s. <c>OAUTHWEBCLIENT_SOAK_SECONDS</c> makes it longer (default 45).
/// </summary>
public abstract class SoakThroughTheProxy(ProductionTopology topology, ITestOutputHelper output)
{
    private const int Sessions = 8;

    /// <summary>The client's default refresh window (<c>OAuth:RefreshBeforeExpiry</c>).</summary>
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(60);

    /// <summary>expires_in is whole seconds and the client notes the expiry when the answer arrives: a little earlier is fine.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1.5);

    [DeploymentFact]
    public async Task Sessions_through_nginx_while_an_instance_restarts_lose_nothing_and_refresh_once_per_expiry()
    {
        var since = DateTimeOffset.UtcNow;
        try
        {
            var result = await SoakDriver.RunAsync(new SoakOptions
            {
                Sessions = Sessions,
                Duration = SoakDriver.DurationFromEnvironment(TimeSpan.FromSeconds(45)),
                PublicOrigin = topology.Origin,
                Front = topology.Certificate.CookielessHandler,
                MidRun = topology.Instances[0].RestartAsync,
                // The sandbox (SQLite file) fails concurrent pushes right after it starts: a sandbox limit, not the client's.
                ConcurrentSignIns = false,
            });

            var grants = SandboxRefreshGrants.Parse(topology.AuthServer.Output, since);
            output.WriteLine(result.ToString());
            output.WriteLine(SandboxRefreshGrants.Describe(grants));

            Assert.Empty(result.ServerErrors);
            Assert.Equal(0, result.LostSessions);
            Assert.All(result.Sessions, s => Assert.True(s.Requests > 10, $"Session {s.Index} made only {s.Requests} requests."));
            // Every session refreshed under its own authorization (one sign-in each, never again) ...
            Assert.Equal(Sessions, grants.Count);
            // ... and once per expiry: a session's next refresh comes at least Lifetime − RefreshBeforeExpiry after its last.
            // Two instances redeeming one refresh token would be refused as reuse (the session lost) or be two grants a
            // request's time apart.
            var earliest = ProductionTopology.AccessTokenLifetime - RefreshBeforeExpiry - Tolerance;
            Assert.All(SandboxRefreshGrants.Gaps(grants), gap => Assert.True(gap >= earliest, $"Two refreshes of one session {gap.TotalSeconds:0.0} s apart (less than {earliest.TotalSeconds} s)."));
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class SoakThroughTheProxyWithOneRedis(OneRedisTopology topology, ITestOutputHelper output) : SoakThroughTheProxy(topology, output);

[Collection(RedisClusterCollection.Name)]
public sealed class SoakThroughTheProxyOnRedisCluster(RedisClusterTopology topology, ITestOutputHelper output) : SoakThroughTheProxy(topology, output);
