using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class CodeFlowTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task Consent_page_names_the_client_describes_each_scope_and_offers_allow_and_deny()
    {
        using var browser = factory.CreateBrowser();
        var html = await new CodeFlow(browser).OpenConsentPageAsync();

        Assert.Contains("OAuthWebClient", html, StringComparison.Ordinal);
        Assert.Contains("Sign you in and know who you are.", html, StringComparison.Ordinal);
        Assert.Contains("See your name and roles.", html, StringComparison.Ordinal);
        Assert.Contains("Stay connected when you are not using it (refresh tokens).", html, StringComparison.Ordinal);
        Assert.Contains("View your photos in the Photos API.", html, StringComparison.Ordinal);
        Assert.Contains(">Allow</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Deny</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_page_html_encodes_the_client_display_name()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser, AuthServerFactory.MarkupClientId);
        var response = await browser.GetAsync(new Uri(flow.AuthorizeUrl(redirectUri: "http://localhost:5002/callback"), UriKind.Relative));
        var login = await browser.GetStringAsync(response.Headers.Location);
        var fields = HtmlForm.HiddenFields(login);
        fields.AddRange([KeyValuePair.Create("Username", "alice"), KeyValuePair.Create("Password", "alice")]);
        using var content = new FormUrlEncodedContent(fields);
        var signedIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        var html = await browser.GetStringAsync(signedIn.Headers.Location);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_redirects_to_the_redirect_uri_with_code_state_and_iss()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var callback = await flow.DecideAsync(await flow.OpenConsentPageAsync(), "allow");

        Assert.Equal(AuthServerFactory.RedirectUri, callback.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.False(string.IsNullOrEmpty(query["code"]));
        Assert.Equal(flow.State, query["state"]);
        Assert.Equal(AuthServerFactory.Issuer, query["iss"]); // RFC 9207 §2
    }

    [Fact]
    public async Task Prompt_login_sends_a_signed_in_user_back_to_the_login_page()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        await flow.OpenConsentPageAsync(); // signs in

        var again = await browser.GetAsync(new Uri(flow.AuthorizeUrl(), UriKind.Relative));
        var forced = await browser.GetAsync(new Uri(flow.AuthorizeUrl() + "&prompt=login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the session is reused: straight to consent
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        var returnUrl = QueryHelpers.ParseQuery(forced.Headers.Location!.Query)["returnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("prompt=", returnUrl, StringComparison.Ordinal); // no login loop
    }

    [Fact]
    public async Task Deny_redirects_to_the_redirect_uri_with_access_denied()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var callback = await flow.DecideAsync(await flow.OpenConsentPageAsync(), "deny");

        Assert.Equal(AuthServerFactory.RedirectUri, callback.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal(flow.State, query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Code_redeems_for_an_unencrypted_RFC_9068_access_token_for_the_photos_api()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await new CodeFlow(browser).GetTokensAsync();

        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.InRange(tokens.GetProperty("expires_in").GetInt32(), 25, 30); // AuthServer:AccessTokenLifetime = 30 s
        var accessToken = Jwt.Decode(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("at+jwt", accessToken.Header.GetProperty("typ").GetString());
        Assert.Equal("PS256", accessToken.Header.GetProperty("alg").GetString());
        Assert.Equal(AuthServerFactory.Issuer, accessToken.Claim("iss"));
        Assert.Equal("alice", accessToken.Claim("sub"));
        Assert.Equal("Alice", accessToken.Claim("name"));
        Assert.Equal(AuthServerFactory.ClientId, accessToken.Claim("client_id"));
        Assert.Equal("photos-api", accessToken.Claim("aud"));
        // RFC 9068 §2.2.3: scope is one space-separated string.
        Assert.Equal(JsonValueKind.String, accessToken.Payload.GetProperty("scope").ValueKind);
        Assert.Contains("photos", accessToken.Claim("scope").Split(' '));
    }

    [Fact]
    public async Task Id_token_carries_the_nonce_subject_name_and_client_audience()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var tokens = await flow.GetTokensAsync();

        var idToken = Jwt.Decode(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(flow.Nonce, idToken.Claim("nonce"));
        Assert.Equal("alice", idToken.Claim("sub"));
        Assert.Equal("Alice", idToken.Claim("name"));
        Assert.Equal(AuthServerFactory.ClientId, idToken.Claim("aud"));
        Assert.Equal(AuthServerFactory.Issuer, idToken.Claim("iss"));
        Assert.True(idToken.Payload.TryGetProperty("auth_time", out _));
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task Wrong_code_verifier_is_rejected_with_invalid_grant()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var response = await flow.RedeemAsync(await flow.GetCodeAsync(), Pkce.Create().Verifier);

        var error = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Code_cannot_be_redeemed_twice()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var code = await flow.GetCodeAsync();
        await CodeFlow.ReadJsonAsync(await flow.RedeemAsync(code), HttpStatusCode.OK);

        var error = await CodeFlow.ReadJsonAsync(await flow.RedeemAsync(code), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_request_with_a_wrong_client_secret_is_rejected_with_invalid_client()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var code = await flow.GetCodeAsync();
        var response = await flow.BackChannelAsync("/connect/token", new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = AuthServerFactory.RedirectUri,
            ["code_verifier"] = flow.Pkce.Verifier,
        }, secret: "not-the-secret");

        var error = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }
}
