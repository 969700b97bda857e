using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;
using Sandbox.AuthServer;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// The attacks of RFC 9700 §4, end to end against the real OpenIddict sandbox: CSRF (§4.7), authorization code
/// injection (§4.5), mix-up (§4.4), state replay, open redirect (§4.11). Each must end with no session for anyone
/// but the rightful user, and no code sent where it does not belong.
/// </summary>
public sealed class Rfc9700AttackScenarios : IAsyncLifetime
{
    private const string AttackerIssuer = "http://127.0.0.1:5003/";
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Csrf_attackers_authorization_response_opened_in_the_victims_browser_creates_no_session()
    {
        // The attacker signs in as bob, stops before the callback, and lures the victim to that URL.
        var forged = await _hosts.SignInUntilCallbackAsync(_hosts.NewBrowser(), "bob");
        var victim = _hosts.NewBrowser();

        var page = await victim.GetAsync(forged.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, _hosts.TokenEndpointCalls);
        Assert.True(await victim.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Csrf_response_arriving_while_the_victims_own_sign_in_is_in_progress_is_rejected()
    {
        var forged = await _hosts.SignInUntilCallbackAsync(_hosts.NewBrowser(), "bob");
        var victim = _hosts.NewBrowser();
        var ownLogin = await victim.GetAsync(TestHosts.ClientOrigin + "account/login", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, ownLogin.Status);

        var page = await victim.GetAsync(forged.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, _hosts.TokenEndpointCalls);
        Assert.True(await victim.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Authorization_code_injected_into_another_session_fails_pkce_and_creates_no_session()
    {
        // Alice's code leaks (a log, a Referer, a malicious app); the attacker injects it into a sign-in of their own.
        var stolen = QueryHelpers.ParseQuery((await _hosts.SignInUntilCallbackAsync(_hosts.NewBrowser(), "alice")).Query);
        var attacker = _hosts.NewBrowser();
        var login = await attacker.GetAsync(TestHosts.ClientOrigin + "account/login", followRedirects: false);
        var attackersState = _hosts.AuthorizationParameters(login.Location!)["state"].ToString();

        var page = await attacker.GetAsync(QueryHelpers.AddQueryString(TestHosts.ClientOrigin + "callback", new Dictionary<string, string?>
        {
            ["code"] = stolen["code"], ["state"] = attackersState, ["iss"] = stolen["iss"],
        }));

        // The client redeems it with the attacker's transaction's code_verifier: the server refuses (RFC 7636 §4.6).
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(">invalid_grant<", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
        Assert.True(await attacker.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Mix_up_response_from_another_authorization_server_is_rejected_before_any_code_is_redeemed()
    {
        // The attack diverts the front-channel request. A pushed request (RFC 9126) leaves nothing to divert — the
        // attacker's server cannot know its request_uri — so this client sends the parameters in the URL.
        await using var hosts = new TestHosts(b => b.UseSetting("OAuth:PushedAuthorization", "Disable"));

        // A second, attacker-controlled authorization server that knows the client (same registration).
        var attackerOrigin = new Uri("http://127.0.0.1:5003");
        await using var attackerServer = new WebApplicationFactory<AuthServerApp>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AuthServer:Issuer", AttackerIssuer);
            builder.UseSetting("AuthServer:Clients:0:ClientId", TestHosts.ClientId);
            builder.UseSetting("AuthServer:Clients:0:ClientSecret", TestHosts.ClientSecret);
            builder.UseSetting("AuthServer:Clients:0:RedirectUris:0", TestHosts.ClientOrigin + "callback");
        });
        hosts.Router.Add(attackerOrigin, () => attackerServer.Server);
        var browser = hosts.NewBrowser();
        var login = await browser.GetAsync(TestHosts.ClientOrigin + "account/login", followRedirects: false);

        // The authorization request is diverted to the attacker's server, which answers with its own code and iss.
        var diverted = new UriBuilder(login.Location!) { Port = attackerOrigin.Port }.Uri;
        var loginPage = await browser.GetAsync(diverted.ToString());
        var consent = await browser.SubmitAsync(loginPage, "Sign in", new Dictionary<string, string> { ["Username"] = "alice", ["Password"] = "alice" });
        var response = await browser.SubmitAsync(consent, "Allow", button: "decision=allow", followRedirects: false);
        Assert.Equal(AttackerIssuer, QueryHelpers.ParseQuery(response.Location!.Query)["iss"].ToString());

        var page = await browser.GetAsync(response.Location.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("different authorization server (iss)", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, hosts.Router.Count("POST", "/connect/token"));
        Assert.True(await browser.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task State_replayed_from_a_bookmarked_callback_after_sign_out_is_rejected()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");
        var callback = browser.History.Last(u => u.AbsolutePath == "/callback");
        await browser.SubmitAsync(await browser.GetAsync(TestHosts.ClientOrigin.AbsoluteUri), "Sign out");
        Assert.Equal(HttpStatusCode.OK, gallery.Status);

        var page = await browser.GetAsync(callback.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
        Assert.True(await browser.IsSentToSignInAsync(), "The browser must not hold a session.");
    }

    [Fact]
    public async Task Open_redirect_through_the_return_url_lands_on_this_site()
    {
        // More spellings of "another site" are covered against the scripted server (ReturnUrlsStayLocal).
        var browser = _hosts.NewBrowser();

        var landed = await _hosts.SignInAsync(browser, "alice", "//evil.example/phish");

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal(TestHosts.ClientOrigin.AbsoluteUri, landed.Uri.AbsoluteUri);
        Assert.DoesNotContain(browser.History, uri => uri.Host.Contains("evil", StringComparison.Ordinal));
    }


    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
