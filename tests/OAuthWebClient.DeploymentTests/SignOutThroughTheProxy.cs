using Microsoft.Playwright;
using OAuthWebClient.DeploymentTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// Sign out through the proxy: the sandbox's end-session round trip, back on the public origin; the old session cookie
/// then signs nobody in on either instance.
/// </summary>
public abstract class SignOutThroughTheProxy(ProductionTopology topology, ChromiumFixture chromium)
{
    [DeploymentFact]
    public async Task Signing_out_ends_the_session_on_every_instance()
    {
        await using var session = await chromium.SignedInSessionAsync(topology);
        await session.GotoAsync("/photos");
        await session.ExpectSignedInAsync("Alice");
        var sessionCookie = (await session.Context.CookiesAsync([topology.Origin.AbsoluteUri])).Single(c => c.Name == "__Host-owc.session");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(new Uri(topology.Origin, "account/signed-out").AbsoluteUri)));
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();

        await session.ExpectSignedOutAsync();

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        foreach (var instance in topology.InstanceOrigins)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance, "photos"));
            request.Headers.Add("Cookie", $"{sessionCookie.Name}={sessionCookie.Value}");
            using var response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", new Uri(instance, response.Headers.Location!).AbsolutePath);
        }
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class SignOutThroughTheProxyWithOneRedis(OneRedisTopology topology, ChromiumFixture chromium) : SignOutThroughTheProxy(topology, chromium);

[Collection(RedisClusterCollection.Name)]
public sealed class SignOutThroughTheProxyOnRedisCluster(RedisClusterTopology topology, ChromiumFixture chromium) : SignOutThroughTheProxy(topology, chromium);
