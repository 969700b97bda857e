using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// Redis is killed and started again: the session was written to the append-only file, so the person is still signed
/// in afterwards. While it is down, pages are the app's 503 "try again" page — not a 500, not nginx's 502.
/// </summary>
public abstract class RedisRestarts(ProductionTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task After_a_redis_restart_the_session_survives()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        try
        {
            await topology.Redis.StopAsync();
            await topology.Redis.StartAsync();

            // The same session on both instances, no sign-in: it was in the append-only file.
            await session.ExpectBothInstancesServeAsync();
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }

    [DeploymentFact]
    public async Task While_redis_is_down_pages_are_503_and_the_session_is_back_when_it_returns()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        try
        {
            await topology.Redis.StopAsync();

            for (var i = 0; i < 2; i++)
            {
                var response = await session.GotoAsync("/photos");
                Assert.Equal(503, response!.Status);
                Assert.NotNull(await response.HeaderValueAsync("x-upstream"));
                await Expect(session.Page.GetByText("try again", new() { Exact = false }).First).ToBeVisibleAsync();
            }

            await topology.Redis.StartAsync();
            await session.ExpectBothInstancesServeAsync();
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class RedisRestartsWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : RedisRestarts(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class RedisRestartsOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : RedisRestarts(topology, chromium);
