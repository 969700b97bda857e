using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests;

/// <summary>The whole flow against the real sandbox: login → consent → callback → code exchange → gallery.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Alice_signs_in_and_sees_her_photos_and_not_bobs()
    {
        var browser = _hosts.NewBrowser();

        var gallery = await _hosts.SignInAsync(browser, "alice");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal("/photos", gallery.Uri.AbsolutePath);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Contains("Lighthouse in fog", gallery.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mountain lake", gallery.Html, StringComparison.Ordinal);
        Assert.Contains("Sign out", gallery.Html, StringComparison.Ordinal);
        Assert.Contains("Alice", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    [Fact]
    public async Task Bob_sees_his_own_photos()
    {
        var gallery = await _hosts.SignInAsync(_hosts.NewBrowser(), "bob");

        Assert.Contains("Mountain lake", gallery.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_are_relayed_by_the_client_so_the_browser_never_holds_a_token()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        var thumbnail = await browser.GetAsync(TestHosts.ClientOrigin + "photos/harbour-at-dawn/thumbnail");
        var full = await browser.GetAsync(TestHosts.ClientOrigin + "photos/harbour-at-dawn/image");

        Assert.Equal(HttpStatusCode.OK, thumbnail.Status);
        Assert.Equal("image/png", thumbnail.ContentType);
        Assert.Equal(HttpStatusCode.OK, full.Status);
        var apiCall = _hosts.Router.Requests.Last(r => r.Uri.Port == TestHosts.PhotosApiOrigin.Port);
        Assert.StartsWith("Bearer ", apiCall.Authorization, StringComparison.Ordinal);
        var accessToken = apiCall.Authorization!["Bearer ".Length..];
        var clientCookies = browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin);
        Assert.DoesNotContain(accessToken, clientCookies, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.History, uri => uri.ToString().Contains(accessToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_users_photo_is_not_found()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "photos/mountain-lake/image");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task A_protected_page_while_signed_out_leads_to_sign_in_and_back_to_that_page()
    {
        var browser = _hosts.NewBrowser();

        var signIn = await browser.GetAsync(TestHosts.ClientOrigin + "photos/lighthouse-in-fog");
        Assert.Contains("Username", signIn.Html, StringComparison.Ordinal);
        var consent = await browser.SubmitAsync(signIn, "Sign in", new Dictionary<string, string> { ["Username"] = "alice", ["Password"] = "alice" });
        var landed = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");

        Assert.Equal("/photos/lighthouse-in-fog", landed.Uri.AbsolutePath);
        Assert.Contains("Lighthouse in fog", landed.Html, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
