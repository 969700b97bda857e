using OAuthWebClient.Client.Claims;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Testing;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

/// <summary>The max_age a sign-in sent travels in its transaction and is enforced when the code is redeemed.</summary>
public sealed class MaxAgeAtRedemption
{
    private static async Task<Redemption> RedeemAsync(int? maxAge, long? authTimeSecondsAgo)
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        if (authTimeSecondsAgo is { } ago)
        {
            claims["auth_time"] = fixture.Time.GetUtcNow().ToUnixTimeSeconds() - ago;
        }

        var json = $$"""{"access_token":"at","token_type":"Bearer","expires_in":600,"id_token":"{{fixture.Rs256(claims)}}"}""";
        fixture.Server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.OK, json));
        var options = Microsoft.Extensions.Options.Options.Create(fixture.Options);
        var tokenEndpoint = TestCalls.TokenEndpoint(new HttpClient(fixture.Server.CreateHandler()), fixture.Time, options);
        var signInClaims = new SignInClaims(new UserInfoClient(fixture.Server.CreateHttpClientFactory(), options, NullLogger<UserInfoClient>.Instance), options, NullLogger<SignInClaims>.Instance);
        var redemption = new CodeRedemption(tokenEndpoint, fixture.Validator, fixture.Time, options, NullLogger<CodeRedemption>.Instance, signInClaims);
        var transaction = new AuthorizationTransaction
        {
            State = "state-1",
            CodeVerifier = Pkce.CreateVerifier(),
            Nonce = "nonce-1",
            ReturnUrl = "/",
            Issuer = TestOptions.Issuer,
            RedirectUri = "https://app.example/callback",
            Scope = "openid",
            Provider = "default",
            Created = fixture.Time.GetUtcNow(),
            MaxAge = maxAge,
        };
        var server = await fixture.Metadata.GetAsync(CancellationToken.None);
        return await redemption.RedeemAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), server, transaction, "code-1", CancellationToken.None);
    }

    [Fact]
    public async Task A_sign_in_older_than_the_max_age_sent_fails_as_an_invalid_id_token()
    {
        var outcome = await RedeemAsync(maxAge: 60, authTimeSecondsAgo: 3600);

        Assert.Equal(SignInFailureReason.InvalidIdToken, outcome.Failure?.Reason);
        Assert.Contains("OAuth:MaxAge", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_auth_time_fails_when_max_age_was_sent()
    {
        var outcome = await RedeemAsync(maxAge: 60, authTimeSecondsAgo: null);

        Assert.Equal(SignInFailureReason.InvalidIdToken, outcome.Failure?.Reason);
    }

    [Fact]
    public async Task A_recent_sign_in_succeeds()
    {
        Assert.Null((await RedeemAsync(maxAge: 60, authTimeSecondsAgo: 5)).Failure);
    }
}
