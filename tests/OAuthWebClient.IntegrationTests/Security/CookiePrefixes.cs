using System.Net;
using OAuthWebClient.Testing;
using OAuthWebClient.Web;
using OAuthWebClient.Client;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6265bis §4.1.3: served over HTTPS, the session and antiforgery cookies are <c>__Host-</c> cookies (Secure,
/// path "/", no Domain), so a sibling subdomain or a plain-http page cannot plant or overwrite them; the path-scoped
/// transaction cookie is <c>__Secure-</c>.
/// </summary>
public sealed class CookiePrefixes : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = SecurityHeaders.HttpsHost("Production");

    [Fact]
    public async Task Cookies_served_over_https_use_the_host_prefix()
    {
        var browser = _host.NewBrowser();
        var login = await browser.GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);
        var request = AuthorizationRequestSeen.Parse(login.Location!);
        Assert.Equal("https://photos.example/callback", request.RedirectUri);

        var callback = await _host.CallbackAsync(browser, request);
        var home = await browser.GetAsync(_host.ClientOrigin.AbsoluteUri, followRedirects: false);

        AssertCookie(login, "__Secure-oauth.tx.", "path=/callback");
        AssertCookie(callback, "__Host-" + CookieSecurity.SessionCookie + "=", "path=/");
        AssertCookie(home, "__Host-" + CookieSecurity.AntiforgeryCookie + "=", "path=/");
    }

    [Fact]
    public async Task Session_cookie_planted_without_the_host_prefix_is_ignored_over_https()
    {
        // The attacker signs in with their own account and, from a sibling subdomain, plants that session under the
        // unprefixed name in the victim's browser (cookie tossing / login CSRF).
        var attacker = _host.NewBrowser();
        await _host.SignInAsync(attacker, "/");
        var session = Assert.Single(attacker.Cookies.GetAllCookies(), c => c.Name == "__Host-" + CookieSecurity.SessionCookie);
        var victim = _host.NewBrowser();
        victim.Cookies.Add(new Cookie(CookieSecurity.SessionCookie, session.Value, "/", "photos.example"));

        Assert.True(await _host.IsSignedInAsync(attacker));
        Assert.False(await _host.IsSignedInAsync(victim));
    }

    private static void AssertCookie(BrowserPage page, string prefix, string path)
    {
        var cookie = page.Headers.GetValueOrDefault("Set-Cookie")?.Split(", ").SingleOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(cookie is not null, $"No {prefix} cookie in: {page.Headers.GetValueOrDefault("Set-Cookie")}");
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(path, cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
