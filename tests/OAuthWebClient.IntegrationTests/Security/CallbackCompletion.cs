using System.Net;
using OAuthWebClient.Testing;
using OAuthWebClient.Web;
using OAuthWebClient.Client;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9700 §4.2.4, §4.3: the callback ends with a 302 to a clean local URL (no code or state left in the address
/// bar, history or Referer), with <c>Referrer-Policy: no-referrer</c>; and every sign-in gets a new session id, so a
/// session cookie planted beforehand is never upgraded to the victim's session (session fixation).
/// </summary>
public sealed class CallbackCompletion : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Completed_callback_redirects_to_a_clean_local_url_without_referrer()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser, "/photos?page=2");

        var page = await _host.CallbackAsync(browser, request);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/photos?page=2", page.Headers["Location"]);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
        var setCookies = page.Headers["Set-Cookie"];
        Assert.Contains(CookieSecurity.SessionCookie + "=", setCookies, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookies, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_issues_a_new_session_id_so_a_planted_session_cookie_is_not_upgraded()
    {
        // The attacker signs in with their own account and plants that session cookie in the victim's browser.
        _host.Server.UserName = "Mallory";
        var attacker = _host.NewBrowser();
        await _host.SignInAsync(attacker);
        var victim = _host.NewBrowser();
        foreach (Cookie cookie in attacker.Cookies.GetAllCookies())
        {
            victim.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        _host.Server.UserName = "Victoria";
        await _host.SignInAsync(victim);

        // Had the session id been kept, the attacker's cookie would now open the victim's session.
        Assert.Contains("Victoria", (await victim.GetAsync(_host.ClientOrigin.AbsoluteUri)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Victoria", (await attacker.GetAsync(_host.ClientOrigin.AbsoluteUri)).Html, StringComparison.Ordinal);
        Assert.Equal(2, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Signing_in_again_retires_the_previous_session()
    {
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        var before = _host.NewBrowser();
        foreach (Cookie cookie in browser.Cookies.GetAllCookies())
        {
            before.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        await _host.SignInAsync(browser);

        Assert.Equal(2, _host.Sessions.SessionsCreated);
        Assert.True(await _host.IsSignedInAsync(browser));
        Assert.False(await _host.IsSignedInAsync(before));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
