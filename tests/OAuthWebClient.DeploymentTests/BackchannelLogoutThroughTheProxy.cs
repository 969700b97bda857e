using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// The person signs out at the sandbox, not at the app (its end-session endpoint, straight from the tab): the sandbox POSTs
/// a logout token to <c>https://localhost:{nginx}/backchannel-logout</c> — over TLS through nginx, to whichever instance —
/// and the session ends on both instances, with no click in the app.
/// </summary>
public abstract class BackchannelLogoutThroughTheProxy(ProductionTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task Signing_out_at_the_server_ends_the_session_on_both_instances()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        await session.ExpectSignedInAsync("Alice");
        var sessionCookie = (await session.Context.CookiesAsync([topology.Origin.AbsoluteUri])).Single(c => c.Name == "__Host-owc.session");
        var delivered = Delivered;
        var ended = Ended;

        await session.Page.GotoAsync(new Uri(topology.Issuer, "connect/endsession").AbsoluteUri);

        // The sandbox answers once the logout token is delivered; the processes' output arrives through a pipe: wait (bounded).
        for (var i = 0; i < 50 && (Delivered == delivered || Ended == ended); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(delivered + 1, Delivered);
        Assert.Equal(ended + 1, Ended);

        foreach (var instance in topology.InstanceOrigins)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance, "photos"));
            request.Headers.Add("Cookie", $"{sessionCookie.Name}={sessionCookie.Value}");
            using var response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", new Uri(instance, response.Headers.Location!).AbsolutePath);
        }

        await session.GotoAsync("/");
        await session.ExpectSignedOutAsync();
        await Expect(session.Page.GetByTestId("user-name")).ToHaveCountAsync(0);
    }

    /// <summary>The sandbox's deliveries answered 200 (sandbox event 21), never a failure (22).</summary>
    private int Delivered => Count(topology.AuthServer.Output, "Back-channel logout sent to client oauth-web-client: HTTP 200");

    /// <summary>Back-channel logouts an instance accepted and ended one session with (event 5002), both instances together.</summary>
    private int Ended => Count(string.Concat(topology.Instances.Select(i => i.Output)), "Back-channel logout from provider default: 1 session(s) ended");

    private static int Count(string text, string what) => text.Split(what).Length - 1;
}

[Collection(OneRedisCollection.Name)]
public sealed class BackchannelLogoutThroughTheProxyWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : BackchannelLogoutThroughTheProxy(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class BackchannelLogoutThroughTheProxyOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : BackchannelLogoutThroughTheProxy(topology, chromium);
