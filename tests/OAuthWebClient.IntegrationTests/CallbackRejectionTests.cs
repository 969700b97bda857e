using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests;

/// <summary>Callbacks that must not sign anyone in, and must not reach the token endpoint.</summary>
public sealed class CallbackRejectionTests : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Callback_with_mismatched_state_is_rejected()
    {
        var browser = _hosts.NewBrowser();
        var callback = await _hosts.SignInUntilCallbackAsync(browser, "alice");
        var query = QueryHelpers.ParseQuery(callback.Query);
        var forged = QueryHelpers.AddQueryString(TestHosts.ClientOrigin + "callback", new Dictionary<string, string?>
        {
            ["code"] = query["code"], ["state"] = "forged-state", ["iss"] = query["iss"],
        });

        var page = await browser.GetAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, _hosts.TokenEndpointCalls);
        Assert.True(await browser.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Callback_without_the_browsers_transaction_cookie_is_rejected_as_csrf()
    {
        var victim = _hosts.NewBrowser();
        var callback = await _hosts.SignInUntilCallbackAsync(_hosts.NewBrowser(), "alice");

        var page = await victim.GetAsync(callback.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("No sign-in in progress", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _hosts.TokenEndpointCalls);
        Assert.True(await victim.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Bare_callback_is_rejected_with_a_reason()
    {
        var page = await _hosts.NewBrowser().GetAsync(TestHosts.ClientOrigin + "callback");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("no state", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_consent_shows_a_friendly_page_and_creates_no_session()
    {
        var browser = _hosts.NewBrowser();
        var consent = await _hosts.StartSignInAsync(browser, "alice");

        var page = await browser.SubmitAsync(consent, "Deny", button: "decision=deny");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Sign-in was cancelled", page.Html, StringComparison.Ordinal);
        Assert.Contains("access_denied", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _hosts.TokenEndpointCalls);
        Assert.True(await browser.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Callback_replayed_after_success_never_reaches_the_token_endpoint_again()
    {
        var browser = _hosts.NewBrowser();
        var callback = await _hosts.SignInUntilCallbackAsync(browser, "alice");
        var cookieHeader = browser.Cookies.GetCookieHeader(callback);
        await browser.GetAsync(callback.ToString());
        Assert.Equal(1, _hosts.TokenEndpointCalls);

        // An attacker who copied the URL and the transaction cookie replays both from another browser.
        var attacker = _hosts.NewBrowser();
        attacker.Cookies.SetCookies(callback, cookieHeader.Replace("; ", ",", StringComparison.Ordinal));
        var page = await attacker.GetAsync(callback.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
        Assert.True(await attacker.IsSentToSignInAsync(), "The browser must not hold a session.");
    }


    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
