using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests;

public sealed class LogoutTests : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Sign_out_revokes_the_tokens_logs_out_at_the_server_and_ends_the_session()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");
        var oldSessionCookies = browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin);

        var signedOut = await browser.SubmitAsync(gallery, "Sign out");

        Assert.Equal(HttpStatusCode.OK, signedOut.Status);
        Assert.Contains("You are signed out", signedOut.Html, StringComparison.Ordinal);
        Assert.Equal(2, _hosts.Router.Count("POST", "/connect/revoke"));
        Assert.Contains(browser.History, uri => uri.AbsolutePath == "/connect/endsession");
        var photos = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, photos.Status);

        // The old session cookie, replayed, no longer signs anyone in: its tokens are gone.
        var replay = _hosts.NewBrowser();
        replay.Cookies.SetCookies(TestHosts.ClientOrigin, oldSessionCookies.Replace("; ", ",", StringComparison.Ordinal));
        var replayed = await replay.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, replayed.Status);
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, TestHosts.ClientOrigin + "account/logout"), followRedirects: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, _hosts.Router.Count("POST", "/connect/revoke"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
