using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class AuthorizationRequestTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    private static string Authorize(Action<Dictionary<string, string?>> change)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = AuthServerFactory.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = AuthServerFactory.RedirectUri,
            ["scope"] = CodeFlow.DefaultScope,
            ["state"] = "xyz",
            ["code_challenge"] = Pkce.Create().Challenge,
            ["code_challenge_method"] = "S256",
        };
        change(parameters);
        return QueryHelpers.AddQueryString("/connect/authorize", parameters.Where(p => p.Value is not null));
    }

    // Errors found before the redirect_uri is checked are shown to the user, never redirected (RFC 6749 §4.1.2.1).
    private async Task<string> ErrorPageAsync(string url)
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<Dictionary<string, string>> ErrorRedirectAsync(string url)
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(AuthServerFactory.RedirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [Fact]
    public async Task Anonymous_authorization_request_redirects_to_the_login_page()
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri(Authorize(_ => { }), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/account/login?returnUrl=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/connect/authorize?"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_request_without_code_challenge_is_rejected()
    {
        var error = await ErrorPageAsync(Authorize(p =>
        {
            p["code_challenge"] = null;
            p["code_challenge_method"] = null;
        }));

        Assert.Contains("error:invalid_request", error, StringComparison.Ordinal);
        Assert.Contains("code_challenge", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_request_with_the_plain_code_challenge_method_is_rejected()
    {
        var error = await ErrorPageAsync(Authorize(p =>
        {
            p["code_challenge"] = Pkce.Create().Verifier;
            p["code_challenge_method"] = "plain";
        }));

        Assert.Contains("error:invalid_request", error, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_request_for_an_unknown_scope_is_rejected()
    {
        var error = await ErrorPageAsync(Authorize(p => p["scope"] = "openid admin"));

        Assert.Contains("error:invalid_scope", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000/callback/other")]
    [InlineData("http://localhost:5000/callback?x=1")]
    [InlineData("http://evil.example/callback")]
    public async Task Authorization_request_with_an_unregistered_redirect_uri_is_not_redirected(string redirectUri)
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri(Authorize(p => p["redirect_uri"] = redirectUri), UriKind.Relative));

        // RFC 6749 §4.1.2.1: never redirect to an unverified redirect_uri.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorization_request_for_an_unknown_client_is_not_redirected()
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri(Authorize(p => p["client_id"] = "nobody"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_returns_login_required()
    {
        var error = await ErrorRedirectAsync(Authorize(p => p["prompt"] = "none"));

        Assert.Equal("login_required", error["error"]);
        Assert.Equal("xyz", error["state"]);
        Assert.Equal(AuthServerFactory.Issuer, error["iss"]); // RFC 9207 also on error responses
    }
}
