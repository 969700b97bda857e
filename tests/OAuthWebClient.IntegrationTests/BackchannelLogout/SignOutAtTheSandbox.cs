using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.BackchannelLogout;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 end to end, against the real OpenIddict sandbox: when the person signs out at the
/// sandbox, it POSTs a logout token to the client's <c>/backchannel-logout</c>, and the client's next page is signed out.
/// </summary>
public sealed class SignOutAtTheSandbox : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Sign_out_everywhere_at_the_sandbox_signs_the_browser_out_of_the_client()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        Assert.False(await browser.IsSentToSignInAsync());

        var signedOut = await _hosts.SignOutEverywhereAtTheSandboxAsync(browser);

        Assert.Contains("<code>oauth-web-client</code>: signed out (HTTP 200)", signedOut.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.Router.Count("POST", "/backchannel-logout"));
        Assert.True(await browser.IsSentToSignInAsync());
        var home = await browser.GetAsync(TestHosts.ClientOrigin.AbsoluteUri);
        Assert.DoesNotContain("action=\"/account/logout\"", home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_end_session_endpoint_signs_out_this_sandbox_session_only()
    {
        var alice = _hosts.NewBrowser();
        var bob = _hosts.NewBrowser();
        await _hosts.SignInAsync(alice, "alice");
        await _hosts.SignInAsync(bob, "bob");

        // As another application's RP-initiated logout would: the sandbox ends alice's session, and tells this client.
        var ended = await alice.GetAsync(new Uri(TestHosts.AuthServerOrigin, "/connect/endsession").AbsoluteUri);

        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.True(await alice.IsSentToSignInAsync());
        Assert.False(await bob.IsSentToSignInAsync());
        Assert.Contains("Mountain lake", (await bob.GetAsync(TestHosts.ClientOrigin + "photos")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_at_the_client_is_still_confirmed_while_the_sandbox_tells_it_again()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");

        var signedOut = await browser.SubmitAsync(gallery, "Sign out");

        // The client's own sign-out ends the sandbox session, whose logout token then finds nothing left to end.
        Assert.Contains("You are signed out", signedOut.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.Router.Count("POST", "/backchannel-logout"));
        Assert.True(await browser.IsSentToSignInAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
