using Microsoft.Playwright;
using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// Chromium through https://localhost (nginx, round robin): the sign-in starts on one instance and its callback lands on
/// the other — the transaction is in Redis, not in an instance — and the photos are shown. The cookies are what an
/// https origin gets: <c>__Host-</c>, Secure, HttpOnly.
/// </summary>
public abstract class SignInThroughTheProxy(ProductionTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task The_callback_is_served_by_the_other_instance_and_the_photos_are_shown()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        await session.GotoAsync("/photos");
        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();

        var login = session.Responses.Last(r => r.Url.AbsolutePath == "/account/login");
        var callback = session.Responses.Last(r => r.Url.AbsolutePath == "/callback");
        Assert.NotNull(login.Upstream);
        Assert.NotNull(callback.Upstream);
        Assert.NotEqual(login.Upstream, callback.Upstream);
        Assert.Equal(302, callback.Status);
    }

    [DeploymentFact]
    public async Task The_cookies_are_host_prefixed_secure_and_http_only()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        await session.GotoAsync("/photos");

        var cookies = await session.Context.CookiesAsync([topology.Origin.AbsoluteUri]);
        var sessionCookie = Assert.Single(cookies, c => c.Name == "__Host-owc.session");
        Assert.True(sessionCookie.Secure);
        Assert.True(sessionCookie.HttpOnly);
        Assert.Equal("/", sessionCookie.Path);
        Assert.All(cookies, c => Assert.True(c.Secure, $"{c.Name} is not Secure"));
        Assert.All(cookies.Where(c => c.Path == "/"), c => Assert.StartsWith("__Host-", c.Name, StringComparison.Ordinal));
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class SignInThroughTheProxyWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : SignInThroughTheProxy(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class SignInThroughTheProxyOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : SignInThroughTheProxy(topology, chromium);
