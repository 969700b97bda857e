using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// One instance is killed mid-session (SIGKILL, as a crash): nginx skips it (a refused connection) and the other serves
/// every next page, the person still signed in — nothing lived in the dead instance.
/// </summary>
public abstract class AnInstanceDies(ProductionTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task The_next_pages_are_served_by_the_other_instance_still_signed_in()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        try
        {
            var before = session.Responses.Count;
            await topology.Instances[0].KillAsync();
            var survivor = topology.InstanceOrigins[1].Authority;

            for (var i = 0; i < 4; i++)
            {
                var response = await session.GotoAsync(i % 2 == 0 ? "/photos" : "/");
                Assert.Equal(200, response!.Status);
                await session.ExpectSignedInAsync("Alice");
                var upstream = await response.HeaderValueAsync("x-upstream");
                Assert.EndsWith(survivor, upstream, StringComparison.Ordinal);
            }

            await session.GotoAsync("/photos");
            await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();

            // Every response since, pages and their assets alike (some from the browser's cache): none an error, nginx's 502 included.
            Assert.All(session.Responses.Skip(before), r => Assert.True(r.Status < 500, $"{r.Status} for {r.Url} from {r.Upstream}"));
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class AnInstanceDiesWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : AnInstanceDies(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class AnInstanceDiesOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : AnInstanceDies(topology, chromium);
