using System.Net;
using Microsoft.IdentityModel.Tokens;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>private_key_jwt client authentication (RFC 7523 §2.2, OIDC Core §9) against the keys registered as AuthServer:Clients:n:Jwks.</summary>
public sealed class ClientAssertionTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    private static readonly ClientAssertion Es256 = new(AuthServerFactory.JwtClientId, ClientKeys.Ec, SecurityAlgorithms.EcdsaSha256);
    private static readonly ClientAssertion Ps256 = new(AuthServerFactory.JwtClientId, ClientKeys.Rsa, SecurityAlgorithms.RsaSsaPssSha256);

    private CodeFlow Flow(HttpClient browser, ClientAssertion assertion) => new(browser, AuthServerFactory.JwtClientId) { Assertion = assertion };

    private static Dictionary<string, string> UnknownToken => new() { ["token"] = "not-a-token" };

    public static TheoryData<string> Algorithms => [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    private static ClientAssertion For(string algorithm) => algorithm == SecurityAlgorithms.EcdsaSha256 ? Es256 : Ps256;

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Assertion_redeems_the_code_and_refreshes_at_the_token_endpoint(string algorithm)
    {
        using var browser = factory.CreateBrowser();
        var flow = Flow(browser, For(algorithm));

        var tokens = await flow.GetTokensAsync();
        var refreshed = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!), HttpStatusCode.OK);

        Assert.Equal(AuthServerFactory.JwtClientId, Jwt.Decode(tokens.GetProperty("access_token").GetString()!).Claim("client_id"));
        Assert.False(string.IsNullOrEmpty(refreshed.GetProperty("access_token").GetString()));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Assertion_authenticates_at_the_pushed_authorization_endpoint(string algorithm)
    {
        using var browser = factory.CreateBrowser();

        var response = await CodeFlow.ReadJsonAsync(await Flow(browser, For(algorithm)).PushAsync(), HttpStatusCode.Created);

        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", response.GetProperty("request_uri").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Assertion_authenticates_at_the_revocation_endpoint(string algorithm)
    {
        using var browser = factory.CreateBrowser();
        var flow = Flow(browser, For(algorithm));

        var accepted = await flow.BackChannelAsync("/connect/revoke", UnknownToken);
        var forged = await flow.BackChannelAsync("/connect/revoke", UnknownToken, assertion: For(algorithm).Create(key: ClientKeys.StrangerFor(algorithm)));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode); // RFC 7009 §2.2
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [InlineData(AuthServerFactory.Issuer)]
    [InlineData("http://127.0.0.1:5001")]
    public async Task Assertion_for_the_issuer_with_or_without_trailing_slash_is_accepted(string audience)
    {
        using var browser = factory.CreateBrowser();

        var response = await Flow(browser, Es256).BackChannelAsync("/connect/revoke", UnknownToken, assertion: Es256.Create(audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public Task Assertion_signed_by_a_key_the_client_did_not_register_is_invalid_client() =>
        AssertInvalidClientAsync(Es256.Create(key: ClientKeys.StrangerFor(SecurityAlgorithms.EcdsaSha256)));

    [Fact]
    public Task Expired_assertion_is_invalid_client() =>
        AssertInvalidClientAsync(Es256.Create(lifetime: TimeSpan.FromMinutes(-10)));

    // OpenIddict 7 checks aud against the issuer only, although OIDC Core §9 suggests the token endpoint URL; it answers
    // invalid_grant (400), not invalid_client.
    [Fact]
    public async Task Assertion_for_the_token_endpoint_url_is_refused()
    {
        using var browser = factory.CreateBrowser();
        var flow = Flow(browser, Es256 with { Audience = "http://127.0.0.1:5001/connect/token" });
        var response = await flow.RedeemAsync(await flow.GetCodeAsync());

        var error = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.EndsWith("ID2094", error.GetProperty("error_uri").GetString(), StringComparison.Ordinal); // "no valid audience"
    }

    // OpenIddict 7 requires the explicit type of draft-ietf-oauth-rfc7523bis; the generic "JWT" is refused.
    [Fact]
    public Task Assertion_typed_as_a_plain_jwt_is_invalid_client() =>
        AssertInvalidClientAsync(Es256.Create(tokenType: "JWT"));

    [Fact]
    public async Task Replayed_assertion_is_invalid_client()
    {
        var assertion = Es256.Create();
        using var browser = factory.CreateBrowser();
        var first = await Flow(browser, Es256).BackChannelAsync("/connect/revoke", UnknownToken, assertion: assertion);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await AssertInvalidClientAsync(assertion);
    }

    // At the token endpoint, where an authenticated client with a bogus refresh token gets invalid_grant instead.
    private async Task AssertInvalidClientAsync(string assertion)
    {
        using var browser = factory.CreateBrowser();
        var refresh = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "not-a-token" };
        var response = await Flow(browser, Es256).BackChannelAsync("/connect/token", refresh, assertion: assertion);

        var error = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }
}
