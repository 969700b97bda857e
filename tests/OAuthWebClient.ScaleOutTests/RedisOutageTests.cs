using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;
using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// A real Redis stopped and started under a signed-in browser: while it is down, every page that needs the session
/// is a 503 "try again" (never a 500), the session cookie is kept, the outage is logged once, /health says why, and a
/// callback fails closed (no code redeemed). When Redis is back the same session works again, with no restart.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private RedisServerProcess _redis = null!;
    private TestHosts _hosts = null!;

    [RedisFact(OwnServer = true)]
    public async Task While_redis_is_down_pages_are_503_with_the_session_kept_and_it_is_back_when_redis_returns()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var cookies = browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin);

        await _redis.StopAsync();
        foreach (var path in (string[])["photos", "photos", "", "profile"])
        {
            var page = await browser.GetAsync(TestHosts.ClientOrigin + path, followRedirects: false);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
            Assert.Contains("cannot reach its session store", page.Html, StringComparison.Ordinal);
            Assert.False(page.Headers.ContainsKey("Set-Cookie"), "No cookie may change during the outage (no sign-out).");
        }

        var health = await _hosts.NewBrowser().GetAsync(TestHosts.ClientOrigin + "health", followRedirects: false); // a probe: no cookie
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.True(health.Html.Contains("Redis does not answer", StringComparison.Ordinal), health.Html);
        Assert.Single(_logs.Entries, e => e.EventId.Name == "RedisUnavailable");

        await _redis.StartAsync();
        var gallery = await WhenRedisIsBackAsync(browser, "photos");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(cookies, browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin));
        Assert.Equal(1, _hosts.TokenEndpointCalls); // the same session: no new sign-in
        Assert.Single(_logs.Entries, e => e.EventId.Name == "RedisAvailableAgain");
    }

    [RedisFact(OwnServer = true)]
    public async Task A_callback_while_redis_is_down_fails_closed_and_the_code_is_not_redeemed()
    {
        var browser = _hosts.NewBrowser();
        var callback = await _hosts.SignInUntilCallbackAsync(browser, "alice");

        await _redis.StopAsync();
        var page = await browser.GetAsync(callback.AbsoluteUri, followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal(0, _hosts.TokenEndpointCalls);
        Assert.False(page.Headers.ContainsKey("Set-Cookie"), "No session may be created during the outage.");
        Assert.DoesNotContain("code=", page.Html, StringComparison.Ordinal);

        // Nothing was used up: once Redis is back, the same (never redeemed) response completes the sign-in once.
        await _redis.StartAsync();
        var signedIn = await WhenRedisIsBackAsync(browser, callback.PathAndQuery.TrimStart('/'));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    [RedisFact(OwnServer = true)]
    public async Task Signing_out_while_redis_is_down_still_removes_the_session_cookie()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");

        await _redis.StopAsync();
        var signOut = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signOut.Status);
        Assert.Contains("You are signed out of this browser", signOut.Html, StringComparison.Ordinal);
        await _redis.StartAsync();
        var photos = await WhenRedisIsBackAsync(browser, "photos");
        Assert.Equal(HttpStatusCode.Redirect, photos.Status); // signed out: sent to sign in
        Assert.Equal("/account/login", photos.Location!.AbsolutePath);
    }

    /// <summary>StackExchange.Redis reconnects by itself; polls (bounded, 60 s) until the page is no longer a 503.</summary>
    private static async Task<BrowserPage> WhenRedisIsBackAsync(Browser browser, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await browser.GetAsync(TestHosts.ClientOrigin + path, followRedirects: false);
            if (page.Status != HttpStatusCode.ServiceUnavailable || attempt == 240)
            {
                return page;
            }

            await Task.Delay(250);
        }
    }

    public async Task InitializeAsync()
    {
        if (RedisServerProcess.WhyUnavailable is not null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        _redis = await RedisServerProcess.StartNewAsync();
        _hosts = new TestHosts(builder =>
        {
            builder.UseSetting("ConnectionStrings:Redis", _redis.ConnectionString);
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        });
    }

    public async Task DisposeAsync()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
