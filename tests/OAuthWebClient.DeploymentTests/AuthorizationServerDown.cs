using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// The authorization server is stopped: pages whose access token is still fresh keep working; once a refresh is due the
/// page is the friendly 503 (still signed in); when the server is back (same port, same keys and database) the refresh
/// token is redeemed and the photos are back.
/// </summary>
public abstract class AuthorizationServerDown(ProductionTopology topology, ChromiumFixture chromium)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    [DeploymentFact]
    public async Task Fresh_tokens_keep_working_a_due_refresh_gives_a_friendly_503_and_it_works_again_when_the_server_is_back()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        try
        {
            await topology.AuthServer.KillAsync();

            // Fresh for 20 s after sign-in: no refresh needed, the photos API still takes the token.
            var fresh = await session.GotoAsync("/photos");
            Assert.Equal(200, fresh!.Status);
            await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();

            var deadline = DateTime.UtcNow + GiveUpAfter;
            int status;
            do
            {
                Assert.True(DateTime.UtcNow < deadline, $"Still 200 after {GiveUpAfter.TotalSeconds} s without the authorization server.");
                await Task.Delay(1000);
                status = (await session.GotoAsync("/photos"))!.Status;
            }
            while (status == 200);

            Assert.Equal(503, status);
            await Expect(session.Page.GetByText("try again", new() { Exact = false }).First).ToBeVisibleAsync();

            await topology.AuthServer.StartAsync();
            var back = await session.GotoAsync("/photos");
            Assert.Equal(200, back!.Status);
            await session.ExpectSignedInAsync("Alice");
            await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        }
        finally
        {
            await topology.RestoreAsync();
        }
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class AuthorizationServerDownWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : AuthorizationServerDown(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class AuthorizationServerDownOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : AuthorizationServerDown(topology, chromium);
