using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// RFC 6750 §3.1: a 401 <c>invalid_token</c> is refreshed and retried once; if the API still refuses, only a new sign-in
/// can bring tokens it takes. The session ends locally and the person signs in again — once: if the API refuses the new
/// session's tokens too, the page explains (502) instead of sending the person round forever.
/// </summary>
public sealed class InvalidTokenAfterRefresh : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task A_token_still_refused_after_the_refresh_ends_the_session_and_sends_the_person_to_sign_in_again()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var oldCookies = browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin);
        var callsBefore = PhotosListCalls();
        _hosts.Router.Fault = r => IsPhotosList(r) ? InvalidToken() : null;

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/login?returnUrl=%2Fphotos", page.Location!.PathAndQuery);
        Assert.Equal(2, _hosts.TokenEndpointCalls); // sign-in, then the one refresh
        Assert.Equal(callsBefore + 2, PhotosListCalls()); // the refused call and the one retry, no more
        Assert.False(await SignedInCheck.IsSignedInAsync(_hosts, oldCookies)); // the old cookie is dead: its tokens are gone
        Assert.Equal(2, _hosts.Router.Count("POST", "/connect/revoke")); // refresh token and access token
    }

    [Fact]
    public async Task Signing_in_again_brings_the_gallery_back_when_the_api_takes_the_new_tokens()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var refused = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var refusing = true;
        _hosts.Router.Fault = r =>
        {
            if (!IsPhotosList(r))
            {
                return null;
            }

            if (Volatile.Read(ref refusing))
            {
                refused.TryAdd(r.Authorization!, 0);
            }

            return refused.ContainsKey(r.Authorization!) ? InvalidToken() : null;
        };

        var redirect = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        Volatile.Write(ref refusing, false); // from now on only the old session's tokens are refused
        var consent = await browser.GetAsync(redirect.Location!.AbsoluteUri);
        var gallery = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal("/photos", gallery.Uri.AbsolutePath);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_refused_again_right_after_signing_in_again_explains_instead_of_looping()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => IsPhotosList(r) ? InvalidToken() : null;

        var redirect = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        var consent = await browser.GetAsync(redirect.Location!.AbsoluteUri);
        var page = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("data-error-kind=\"token-rejected\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(2, SignInsStarted()); // the first sign-in and one more, no third
        Assert.True(await SignedInCheck.IsSignedInAsync(_hosts, browser)); // the new session is kept
    }

    [Fact]
    public async Task A_401_without_invalid_token_explains_without_refreshing_or_signing_out()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => IsPhotosList(r) ? Challenge("realm=\"photos\"") : null;

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("data-error-kind=\"token-rejected\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
        Assert.True(await SignedInCheck.IsSignedInAsync(_hosts, browser));
    }

    private int SignInsStarted() => _hosts.Router.Requests.Count(r => r.Uri.Host == TestHosts.ClientOrigin.Host && r.Uri.AbsolutePath == "/account/login");

    private int PhotosListCalls() => _hosts.Router.Requests.Count(IsPhotosList);

    private static bool IsPhotosList(RecordedRequest request) =>
        request.Uri.Port == TestHosts.PhotosApiOrigin.Port && request.Uri.AbsolutePath == "/photos";

    private static HttpResponseMessage InvalidToken() => Challenge("error=\"invalid_token\", error_description=\"The token is not accepted\"");

    private static HttpResponseMessage Challenge(string parameters) =>
        new(HttpStatusCode.Unauthorized) { Headers = { WwwAuthenticate = { new AuthenticationHeaderValue("Bearer", parameters) } } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
