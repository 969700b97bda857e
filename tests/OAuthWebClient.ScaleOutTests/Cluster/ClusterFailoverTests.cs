using System.Net;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;
using StackExchange.Redis;

namespace OAuthWebClient.ScaleOutTests.Cluster;

/// <summary>
/// The cluster fails under a signed-in browser: the master holding the session's tokens crashes and its replica takes
/// over, or every node stops and starts again from its files. Meanwhile pages are 200 or a 503 "try again", never a 500
/// and never a sign-in; afterwards the same session works, with no new sign-in.
/// </summary>
/// <remarks>
/// "A session it could keep": Redis replicates asynchronously, and the client does not wait for a replica's
/// acknowledgement (no <c>WAIT</c>), so a session written in the last moments before its master crashes may be lost with it.
/// The test waits for the replicas to catch up first: what was replicated must survive the failover.
/// </remarks>
[Collection(RedisClusterCollection.Name)]
public sealed class ClusterFailoverTests(RedisClusterFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = TestRedis.NewKeyPrefix();
    private TestHosts _hosts = null!;

    [RedisClusterFact]
    public async Task A_crashed_master_is_replaced_by_its_replica_and_the_browser_stays_signed_in()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        await using var connection = await redis.ConnectAsync();
        var tokens = connection.GetServers().Where(s => !s.IsReplica).SelectMany(s => s.Keys(pattern: _prefix + "tokens:*")).Single().ToString();
        await redis.Cluster.WaitForReplicationAsync();

        var failover = redis.Cluster.FailoverAsync(tokens, restartFailed: false);
        var during = new List<HttpStatusCode>();
        while (!failover.IsCompleted)
        {
            during.Add(await PhotosStatusAsync(browser));
            await Task.Delay(50);
        }

        var (failed, promoted) = await failover;
        Assert.Equal(promoted, await redis.Cluster.MasterOfAsync(tokens));
        Assert.NotEqual(failed, promoted);
        await ExpectSameSessionAsync(browser, during);
    }

    [RedisClusterFact]
    public async Task Every_node_stopped_and_started_again_keeps_the_session()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        await redis.Cluster.WaitForReplicationAsync();

        await redis.Cluster.StopAsync();
        var during = new List<HttpStatusCode> { await PhotosStatusAsync(browser), await PhotosStatusAsync(browser) };
        Assert.All(during, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        await redis.Cluster.StartAsync();

        await ExpectSameSessionAsync(browser, during);
    }

    /// <summary>Every page seen so far and until one is 200 (polled, bounded: 60 s) was 200 or 503; no new sign-in.</summary>
    private async Task ExpectSameSessionAsync(Browser browser, List<HttpStatusCode> seen)
    {
        for (var attempt = 0; attempt < 240 && (seen.Count == 0 || seen[^1] != HttpStatusCode.OK); attempt++)
        {
            seen.Add(await PhotosStatusAsync(browser));
            await Task.Delay(250);
        }

        Assert.All(seen, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"Pages during the failure: {string.Join(", ", seen)}"));
        Assert.Equal(HttpStatusCode.OK, seen[^1]);
        Assert.False(await browser.IsSentToSignInAsync());
        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    private static async Task<HttpStatusCode> PhotosStatusAsync(Browser browser) =>
        (await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false)).Status;

    public Task InitializeAsync()
    {
        if (RedisClusterFixture.InCi || Testing.Deployment.RedisClusterProcess.WhyUnavailable is null)
        {
            _hosts = new TestHosts(redis.Configure(_prefix));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
            await redis.Cluster.StartAsync(); // the crashed master rejoins (as a replica) for the next test
        }
    }
}
