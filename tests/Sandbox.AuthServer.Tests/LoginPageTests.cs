using System.Net;
using OAuthWebClient.Testing;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class LoginPageTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string user, string password, string returnUrl)
    {
        var page = await browser.GetStringAsync(new Uri("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        var fields = HtmlForm.HiddenFields(page);
        fields.Add(KeyValuePair.Create("Username", user));
        fields.Add(KeyValuePair.Create("Password", password));
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri("/account/login", UriKind.Relative), content);
    }

    [Fact]
    public async Task Login_page_has_labelled_username_and_password_fields_and_a_sign_in_button()
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri("/account/login?returnUrl=%2F", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<label for=\"Username\">Username</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Password\">Password</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_the_form_again_with_an_error_and_no_redirect()
    {
        using var browser = factory.CreateBrowser();
        var response = await SubmitAsync(browser, "alice", "bob", "/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Invalid username or password.", html, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_credentials_redirect_to_the_local_return_url()
    {
        using var browser = factory.CreateBrowser();
        var response = await SubmitAsync(browser, "bob", "bob", "/connect/authorize?client_id=x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connect/authorize?client_id=x", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task Login_does_not_follow_a_non_local_return_url(string returnUrl)
    {
        using var browser = factory.CreateBrowser();
        var response = await SubmitAsync(browser, "alice", "alice", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_post_without_an_antiforgery_token_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Username"] = "alice", ["Password"] = "alice" });
        var response = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
