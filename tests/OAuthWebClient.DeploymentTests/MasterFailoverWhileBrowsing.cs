using OAuthWebClient.DeploymentTests.Infrastructure;
using StackExchange.Redis;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// While Chromium browses through nginx, the cluster master holding this session's tokens crashes (SIGKILL) and its
/// replica is promoted. Meanwhile every page is 200 or the app's 503 "try again" (never a 500, never nginx's 502);
/// afterwards both instances serve the same session, with no new sign-in.
/// </summary>
/// <remarks>
/// Replication is asynchronous and the client does not wait for replicas (no <c>WAIT</c>): what was written in the last
/// moment before a crash can be lost with the master. The test lets the replicas catch up first — "a session it could keep".
/// </remarks>
[Collection(RedisClusterCollection.Name)]
public sealed class MasterFailoverWhileBrowsing(RedisClusterTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task The_master_holding_the_session_fails_over_and_the_person_stays_signed_in_on_both_instances()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(topology.Redis.ConnectionString);
        var earlier = TokenKeys(redis);
        await using var session = await chromium.SignedInSessionAsync(topology);
        var navigations = session.Navigations.Count;
        try
        {
            var tokens = Assert.Single(TokenKeys(redis).Except(earlier));
            await topology.Cluster.WaitForReplicationAsync();

            var failover = topology.Cluster.FailoverAsync(tokens);
            var statuses = new List<int>();
            while (!failover.IsCompleted)
            {
                statuses.Add((await session.GotoAsync("/photos"))!.Status);
                await Task.Delay(200);
            }

            var (failed, promoted) = await failover;
            Assert.NotEqual(failed, promoted);
            Assert.Equal(promoted, await topology.Cluster.MasterOfAsync(tokens));

            // Each instance learns the new master on its own schedule: until both serve the session, a page may be the 503.
            statuses.AddRange(await session.ExpectBothInstancesServeAsync());
            await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();

            Assert.All(statuses, status => Assert.True(status is 200 or 503, $"Pages during the failover: {string.Join(", ", statuses)}"));
            // No trip to the sign-in server: the same session throughout.
            Assert.DoesNotContain(session.Navigations.Skip(navigations), url => url.StartsWith(topology.Issuer.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }

    private static List<string> TokenKeys(ConnectionMultiplexer redis) =>
        [.. redis.GetServers().Where(s => s.IsConnected && !s.IsReplica).SelectMany(s => s.Keys(pattern: "oauthwebclient:tokens:*")).Select(k => k.ToString())];
}
