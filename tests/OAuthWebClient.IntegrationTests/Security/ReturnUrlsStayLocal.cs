using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9700 §4.11: the client is no open redirector. A return URL is followed only when it is a plain local path;
/// anything a browser could read as another site becomes "/". And a return URL cannot smuggle parameters into
/// the authorization request.
/// </summary>
public sealed class ReturnUrlsStayLocal : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/photos")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https:evil")]
    [InlineData("%2F%2Fevil")]
    [InlineData("https://evil.example/")]
    [InlineData("http://localhost.evil.example/photos")]
    [InlineData("/\t/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_with_an_off_site_return_url_lands_on_the_home_page(string returnUrl)
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser, returnUrl);

        var page = await _host.CallbackAsync(browser, request);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Headers["Location"]);
    }

    [Fact]
    public async Task Sign_in_with_a_local_return_url_goes_back_to_it()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser, "/photos/scripted-photo?size=large");

        var page = await _host.CallbackAsync(browser, request);

        Assert.Equal("/photos/scripted-photo?size=large", page.Headers["Location"]);
    }

    [Fact]
    public async Task Sign_in_never_returns_to_the_callback_itself()
    {
        // "Sign in" on a failed callback page carries that page's URL, with a used code and state in it.
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser, "/callback?code=used-code&state=used-state");

        var page = await _host.CallbackAsync(browser, request);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Headers["Location"]);
    }

    [Theory]
    [InlineData("account/login?returnUrl=%2Fphotos%26scope%3Dadmin%26redirect_uri%3Dhttps%253A%252F%252Fevil.example%26response_type%3Dtoken")]
    [InlineData("account/login?returnUrl=/photos&scope=admin&redirect_uri=https%3A%2F%2Fevil.example&response_type=token&code_challenge_method=plain&state=fixed")]
    public async Task Return_url_carrying_scope_or_redirect_uri_cannot_change_the_authorization_request(string login)
    {
        var page = await _host.NewBrowser().GetAsync(_host.ClientOrigin + login, followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var query = QueryHelpers.ParseQuery(page.Location!.Query);
        Assert.Equal("openid profile offline_access photos", Assert.Single(query["scope"]));
        Assert.Equal("http://localhost/callback", Assert.Single(query["redirect_uri"]));
        Assert.Equal("code", Assert.Single(query["response_type"]));
        Assert.Equal("S256", Assert.Single(query["code_challenge_method"]));
        Assert.NotEqual("fixed", Assert.Single(query["state"]));
        Assert.DoesNotContain("evil", page.Location.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", page.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task Sign_out_never_redirects_to_a_return_url_from_the_request(string returnUrl)
    {
        var browser = _host.NewBrowser();
        var home = await _host.SignInAsync(browser, "/");

        var page = await browser.SubmitAsync(home, "Sign out", new Dictionary<string, string> { ["returnUrl"] = returnUrl, ["post_logout_redirect_uri"] = returnUrl }, followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith(_host.Server.Issuer + "endsession?", page.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("http://localhost/account/signed-out", Assert.Single(QueryHelpers.ParseQuery(page.Location.Query)["post_logout_redirect_uri"]));
        Assert.DoesNotContain("evil", page.Location.AbsoluteUri, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
