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
        await using var session = await chromium.NewSessionAsync(topology);
        await session.GotoAsync("/");
        await session.SignInAsync();
        try
        {
            await topology.Redis.StopAsync();
            await topology.Redis.StartAsync();

            for (var i = 0; i < 2; i++)
            {
                var response = await session.GotoAsync("/photos");
                Assert.Equal(200, response!.Status);
                await session.ExpectSignedInAsync("Alice");
            }
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }

    [DeploymentFact]
    public async Task While_redis_is_down_pages_are_503_and_the_session_is_back_when_it_returns()
    {
        await using var session = await chromium.NewSessionAsync(topology);
        await session.GotoAsync("/");
        await session.SignInAsync();
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

            // Each instance reconnects on its own schedule: until both have, a page may still be the 503, never a 500.
            await topology.Redis.StartAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var served = new HashSet<string?>();
            while (served.Count < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "Both instances did not serve the session again within 60 s of Redis returning.");
                var back = await session.GotoAsync("/photos");
                Assert.Contains(back!.Status, new[] { 200, 503 });
                if (back.Status == 200)
                {
                    await session.ExpectSignedInAsync("Alice");
                    served.Add(await back.HeaderValueAsync("x-upstream"));
                }
                else
                {
                    await Task.Delay(500);
                }
            }
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class RedisRestartsWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : RedisRestarts(topology, chromium);
