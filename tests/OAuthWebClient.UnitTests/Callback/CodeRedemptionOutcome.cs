using OAuthWebClient.Testing;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Client.Claims;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

public sealed class CodeRedemptionOutcome
{
    private static AuthorizationTransaction Transaction(IdTokenFixture fixture, string scope = "openid photos") => new()
    {
        State = "state-1",
        CodeVerifier = Pkce.CreateVerifier(),
        Nonce = "nonce-1",
        ReturnUrl = "/photos",
        Issuer = TestOptions.Issuer,
        RedirectUri = "https://app.example/callback",
        Scope = scope,
        Provider = "default",
        Created = fixture.Time.GetUtcNow(),
    };

    private static async Task<Redemption> RedeemAsync(IdTokenFixture fixture, HttpStatusCode status, string json, string scope = "openid photos")
    {
        fixture.Server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Json(status, json));
        var options = Microsoft.Extensions.Options.Options.Create(fixture.Options);
        var tokenEndpoint = TestCalls.TokenEndpoint(new HttpClient(fixture.Server.CreateHandler()), fixture.Time, options);
        var claims = new SignInClaims(new UserInfoClient(fixture.Server.CreateHttpClientFactory(), options, NullLogger<UserInfoClient>.Instance), options, NullLogger<SignInClaims>.Instance);
        var redemption = new CodeRedemption(tokenEndpoint, fixture.Validator, fixture.Time, options, NullLogger<CodeRedemption>.Instance, claims);
        var server = await fixture.Metadata.GetAsync(CancellationToken.None);
        return await redemption.RedeemAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), server, Transaction(fixture, scope), "code-1", CancellationToken.None);
    }

    [Fact]
    public async Task Valid_response_with_a_valid_id_token_signs_in_with_the_identity()
    {
        var fixture = new IdTokenFixture();
        var idToken = fixture.Rs256();

        var outcome = await RedeemAsync(fixture, HttpStatusCode.OK, $$"""{"access_token":"at","token_type":"Bearer","expires_in":600,"refresh_token":"rt","id_token":"{{idToken}}"}""");

        Assert.Null(outcome.Failure);
        Assert.Equal("Alice Example", outcome.DisplayName);
        Assert.Equal("alice", outcome.Tokens!.Subject);
        Assert.Equal(TestOptions.Issuer, outcome.Tokens.Issuer);
        Assert.Equal("openid photos", outcome.Tokens.Scope);
        Assert.Equal(fixture.Time.GetUtcNow().AddMinutes(10), outcome.Tokens.ExpiresAt);
        Assert.Equal("rt", outcome.Tokens.RefreshToken);
    }

    [Fact]
    public async Task Openid_granted_without_an_id_token_is_refused()
    {
        var outcome = await RedeemAsync(new IdTokenFixture(), HttpStatusCode.OK, """{"access_token":"at","token_type":"Bearer"}""");

        Assert.Null(outcome.Tokens);
        Assert.Equal(SignInFailureReason.InvalidIdToken, outcome.Failure!.Reason);
    }

    [Fact]
    public async Task Without_openid_no_id_token_is_needed()
    {
        var outcome = await RedeemAsync(new IdTokenFixture(), HttpStatusCode.OK, """{"access_token":"at","token_type":"Bearer","scope":"photos"}""", scope: "photos");

        Assert.Null(outcome.Failure);
        Assert.Equal("photos", outcome.Tokens!.Scope);
    }

    [Fact]
    public async Task Id_token_with_another_nonce_is_refused()
    {
        var fixture = new IdTokenFixture();
        var idToken = fixture.Rs256(fixture.Claims(nonce: "someone-elses-nonce"));

        var outcome = await RedeemAsync(fixture, HttpStatusCode.OK, $$"""{"access_token":"at","token_type":"Bearer","id_token":"{{idToken}}"}""");

        Assert.Null(outcome.Tokens);
        Assert.Equal(SignInFailureReason.InvalidIdToken, outcome.Failure!.Reason);
    }

    [Fact]
    public async Task Oauth_error_is_shown_with_its_code()
    {
        var outcome = await RedeemAsync(new IdTokenFixture(), HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"code used"}""");

        Assert.Equal(SignInFailureReason.TokenRequestRejected, outcome.Failure!.Reason);
        Assert.Equal("invalid_grant", outcome.Failure.Error!.Error);
        Assert.Equal("code used", outcome.Failure.Error.Description);
    }
}
