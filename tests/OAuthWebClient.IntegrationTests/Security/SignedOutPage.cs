using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RP-Initiated Logout 1.0 §2, §3: the logout <c>state</c> is bound to the browser and checked on return. The
/// signed-out page confirms a sign-out at the server only for the state this browser sent, and shows nothing that
/// comes from the URL — a crafted link cannot make it say anything else.
/// </summary>
public sealed class SignedOutPage : IAsyncLifetime
{
    private const string Confirmed = "data-confirmed=\"true\"";
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task The_return_from_the_servers_logout_with_this_browsers_state_is_confirmed_once()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");

        var signedOut = await browser.SubmitAsync(gallery, "Sign out");
        var again = await browser.GetAsync(signedOut.Uri.AbsoluteUri);

        Assert.Contains("signed out there too", signedOut.Html, StringComparison.Ordinal);
        Assert.Contains(Confirmed, signedOut.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Confirmed, again.Html, StringComparison.Ordinal); // the state is single use
    }

    [Fact]
    public async Task A_return_with_another_state_is_not_confirmed()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");
        var toServer = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, toServer.Status);

        var forged = await browser.GetAsync(TestHosts.ClientOrigin + "account/signed-out?state=guessed-state");

        Assert.DoesNotContain(Confirmed, forged.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("signed out there too", forged.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crafted_link_shows_nothing_from_its_url()
    {
        var browser = _hosts.NewBrowser();

        var page = await browser.GetAsync(TestHosts.ClientOrigin +
            "account/signed-out?state=%3Cscript%3Ealert(1)%3C%2Fscript%3E&message=Your+account+is+locked&error_description=Call+us");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(Confirmed, page.Html, StringComparison.Ordinal);
        foreach (var planted in (string[])["alert(1)", "script%3E", "account is locked", "Call us"])
        {
            Assert.DoesNotContain(planted, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_browser_sent_to_the_page_is_told_it_is_still_signed_in()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "account/signed-out?state=anything");

        Assert.Contains("You are still signed in", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Confirmed, page.Html, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
