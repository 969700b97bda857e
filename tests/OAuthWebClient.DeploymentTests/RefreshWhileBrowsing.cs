using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// Browsing past the access token's refresh time (80 s tokens, refreshed in their last 60 s): an instance refreshes on
/// the back-channel, whichever serves the page, and the person never sees the sign-in server again.
/// </summary>
public abstract class RefreshWhileBrowsing(ProductionTopology topology, ChromiumFixture chromium)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    [DeploymentFact]
    public async Task The_access_token_is_refreshed_invisibly_while_browsing_across_both_instances()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        var refreshesBefore = topology.Refreshes;
        var visitsToServer = VisitsToAuthorizationServer(session);

        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (topology.Refreshes == refreshesBefore)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No refresh within {GiveUpAfter.TotalSeconds} s of browsing.\n{topology.Output}");
            var response = await session.GotoAsync("/photos");
            Assert.Equal(200, response!.Status);
            await Task.Delay(1000);
        }

        await session.GotoAsync("/photos");
        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        Assert.Equal(visitsToServer, VisitsToAuthorizationServer(session));
        Assert.Equal(2, session.Responses.Where(r => r.Url.AbsolutePath == "/photos").Select(r => r.Upstream).Distinct().Count());
    }

    private int VisitsToAuthorizationServer(ProxySession session) =>
        session.Navigations.Count(url => url.StartsWith(topology.Issuer.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
}

[Collection(OneRedisCollection.Name)]
public sealed class RefreshWhileBrowsingWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : RefreshWhileBrowsing(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class RefreshWhileBrowsingOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : RefreshWhileBrowsing(topology, chromium);
