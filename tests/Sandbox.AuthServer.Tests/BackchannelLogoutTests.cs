using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>The sandbox as an OP of OpenID Connect Back-Channel Logout 1.0: sid in ID tokens, logout tokens sent at sign-out.</summary>
public sealed class BackchannelLogoutTests : IClassFixture<AuthServerFactory>
{
    private const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private readonly AuthServerFactory _factory;

    public BackchannelLogoutTests(AuthServerFactory factory)
    {
        _factory = factory;
        _factory.LogoutTokens.Received.Clear();
        _factory.LogoutTokens.Unreachable = false;
    }

    [Fact]
    public async Task Each_sandbox_login_gets_its_own_sid_in_the_id_token_and_a_refresh_keeps_it()
    {
        using var alice = _factory.CreateBrowser();
        using var other = _factory.CreateBrowser();
        var flow = new CodeFlow(alice);
        var tokens = await flow.GetTokensAsync();
        var sid = Jwt.Decode(tokens.GetProperty("id_token").GetString()!).Claim("sid");
        var otherSid = Jwt.Decode((await new CodeFlow(other).GetTokensAsync()).GetProperty("id_token").GetString()!).Claim("sid");

        var refreshed = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!), HttpStatusCode.OK);

        Assert.True(sid.Length >= 22, sid);
        Assert.NotEqual(sid, otherSid);
        Assert.Equal(sid, Jwt.Decode(refreshed.GetProperty("id_token").GetString()!).Claim("sid"));
        Assert.False(Jwt.Decode(tokens.GetProperty("access_token").GetString()!).Payload.TryGetProperty("sid", out _));
    }

    [Fact]
    public async Task End_session_posts_a_signed_logout_token_for_the_session_to_the_client_it_signed_in_to()
    {
        using var browser = _factory.CreateBrowser();
        var idToken = Jwt.Decode((await new CodeFlow(browser).GetTokensAsync()).GetProperty("id_token").GetString()!);

        var response = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["post_logout_redirect_uri"] = AuthServerFactory.PostLogoutRedirectUri,
            ["state"] = "bye",
        }), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (uri, logoutToken) = Assert.Single(_factory.LogoutTokens.Received); // not to minimal-sample: it was not signed in
        Assert.Equal(AuthServerFactory.BackchannelLogoutUri, uri.AbsoluteUri);
        var token = await ValidateAsync(browser, logoutToken!);
        Assert.Equal("logout+jwt", token.Typ);
        Assert.Equal(idToken.Claim("sub"), token.Subject);
        Assert.Equal(idToken.Claim("sid"), token.GetPayloadValue<string>("sid"));
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.False(token.TryGetClaim("nonce", out _)); // §2.4: prohibited
        Assert.Equal(TimeSpan.FromMinutes(2), token.ValidTo - token.IssuedAt);
        var events = JsonDocument.Parse(token.GetPayloadValue<JsonElement>("events").GetRawText()).RootElement;
        Assert.Equal(JsonValueKind.Object, events.GetProperty(LogoutEvent).ValueKind);
    }

    [Fact]
    public async Task Sign_out_everywhere_tells_each_client_and_shows_what_it_answered()
    {
        using var browser = _factory.CreateBrowser();
        await new CodeFlow(browser).GetTokensAsync();
        var home = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        var signedOut = await SubmitAsync(browser, home, "Sign out everywhere");

        Assert.Single(_factory.LogoutTokens.Received);
        Assert.Contains("<code>oauth-web-client</code>: signed out (HTTP 200)", signedOut, StringComparison.Ordinal);
        Assert.Contains("You are not signed in.", signedOut, StringComparison.Ordinal);
        var again = await browser.GetAsync(new Uri(new CodeFlow(browser).AuthorizeUrl(), UriKind.Relative));
        Assert.Equal("/account/login", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_client_that_cannot_be_reached_does_not_stop_the_sign_out()
    {
        using var browser = _factory.CreateBrowser();
        await new CodeFlow(browser).GetTokensAsync();
        _factory.LogoutTokens.Unreachable = true;

        var signedOut = await SubmitAsync(browser, await browser.GetStringAsync(new Uri("/", UriKind.Relative)), "Sign out everywhere");

        Assert.Contains("<code>oauth-web-client</code>: not signed out (unreachable)", signedOut, StringComparison.Ordinal);
        Assert.Contains("You are not signed in.", signedOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_signed_in_to_no_client_sends_no_logout_token_and_a_second_sign_out_none_either()
    {
        using var browser = _factory.CreateBrowser();
        await new CodeFlow(browser).OpenConsentPageAsync(); // signed in at the sandbox, consent not given
        var signedOut = await SubmitAsync(browser, await browser.GetStringAsync(new Uri("/", UriKind.Relative)), "Sign out everywhere");

        Assert.Contains("No application with a back-channel logout URI was signed in with this session.", signedOut, StringComparison.Ordinal);
        Assert.Empty(_factory.LogoutTokens.Received);
    }

    private static async Task<string> SubmitAsync(HttpClient browser, string page, string marker)
    {
        var form = HtmlForm.Find(page, marker);
        using var content = new FormUrlEncodedContent(form.Fields);
        var response = await browser.PostAsync(new Uri(form.Action, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Verified as a client would: the sandbox's JWKS, its issuer, this client as the audience.</summary>
    private static async Task<JsonWebToken> ValidateAsync(HttpClient browser, string logoutToken)
    {
        var jwks = new JsonWebKeySet(await browser.GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative)));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = AuthServerFactory.Issuer,
            ValidAudience = AuthServerFactory.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["logout+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
