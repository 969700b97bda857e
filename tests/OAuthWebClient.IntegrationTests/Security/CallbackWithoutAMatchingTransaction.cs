using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §10.12, RFC 9700 §4.7: a callback that cannot be matched to a sign-in this browser started — no
/// state, an unknown state, a tampered or swapped cookie, an expired or foreign transaction — is a 400 with a
/// reason, and the code in it is never sent to any token endpoint.
/// </summary>
public sealed class CallbackWithoutAMatchingTransaction : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Bare_callback_is_rejected_with_a_reason_and_no_token_call()
    {
        var page = await _host.CallbackAsync(_host.NewBrowser(), "");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("no state", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
    }

    [Fact]
    public async Task Callback_with_an_unknown_state_is_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);

        var page = await _host.CallbackAsync(browser, _host.ResponseQuery(request with { State = "guessed-state-0123456789" }));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("No sign-in in progress matches this response", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_with_a_tampered_transaction_cookie_is_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var cookie = TransactionCookie(browser);
        cookie.Value = cookie.Value[..^4] + (cookie.Value.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var page = await _host.CallbackAsync(browser, request);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("could not be read", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_with_a_transaction_cookie_swapped_in_from_another_sign_in_is_rejected()
    {
        // The attacker starts a sign-in, then plants their (valid, encrypted) transaction under the victim's cookie name.
        var attacker = _host.NewBrowser();
        await _host.BeginSignInAsync(attacker);
        var victim = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(victim);
        TransactionCookie(victim).Value = TransactionCookie(attacker).Value;

        var page = await _host.CallbackAsync(victim, request);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("does not match", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_after_the_transaction_lifetime_is_rejected_even_if_the_browser_still_sends_the_cookie()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);

        _host.Time.Advance(TimeSpan.FromMinutes(11));
        var page = await _host.CallbackAsync(browser, request);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("expired", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
    }

    [Fact]
    public async Task Callback_with_a_state_but_neither_code_nor_error_is_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);

        var page = await _host.CallbackAsync(browser, $"?state={Uri.EscapeDataString(request.State)}&iss={Uri.EscapeDataString(_host.Server.Issuer)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("neither a code nor an error", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Callback_with_a_state_minted_for_another_authorization_server_is_rejected(bool withOriginalIss)
    {
        // Two deployments (or one, reconfigured) that share Data Protection keys: a transaction started against
        // server A must not be finished against server B, whose metadata does not even promise iss.
        var keys = new EphemeralDataProtectionProvider();
        void ShareKeys(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDataProtectionProvider>(keys));
        await using var hostA = new ScriptedClientHost(configure: ShareKeys);
        await using var hostB = new ScriptedClientHost(new ScriptedAuthorizationServer("http://127.0.0.1:6003/") { AdvertisesIssParameter = false }, configure: ShareKeys);
        var browserA = hostA.NewBrowser();
        var request = await hostA.BeginSignInAsync(browserA);
        var browserB = hostB.NewBrowser();
        foreach (Cookie cookie in browserA.Cookies.GetAllCookies())
        {
            browserB.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var code = hostB.Server.IssueCode(request);
        var query = $"?code={code}&state={Uri.EscapeDataString(request.State)}" + (withOriginalIss ? "&iss=" + Uri.EscapeDataString(hostA.Server.Issuer) : "");
        var page = await hostB.CallbackAsync(browserB, query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("different authorization server", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, hostA.Server.TokenCalls);
        Assert.Equal(0, hostB.Server.TokenCalls);
        Assert.Equal(0, hostB.Sessions.SessionsCreated);
    }

    private static Cookie TransactionCookie(Browser browser) =>
        Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name.Contains("oauth.tx.", StringComparison.Ordinal));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
