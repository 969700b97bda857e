using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.PhotosApi.Tests;

/// <summary>RFC 6750 §3.1 error responses and RFC 9068 §4 validation.</summary>
public sealed class BearerErrorTests(PhotosApiFactory factory) : IClassFixture<PhotosApiFactory>
{
    private TestAuthority Authority => factory.Authority;

    private async Task<HttpResponseMessage> GetPhotosAsync(string? token)
    {
        using var client = factory.ClientWith(token);
        return await client.GetAsync("/photos");
    }

    private static string Challenge(HttpResponseMessage response) =>
        string.Join(", ", response.Headers.WwwAuthenticate.Select(value => value.ToString()));

    private async Task AssertInvalidTokenAsync(string token)
    {
        using var response = await GetPhotosAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", Challenge(response), StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_401_with_bearer_and_dpop_challenges_without_error_attribute()
    {
        using var response = await GetPhotosAsync(token: null);

        // RFC 6750 §3.1 and RFC 9449 §7.1: either scheme is accepted, so both are offered; no error without credentials.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["DPoP", "Bearer"], response.Headers.WwwAuthenticate.Select(challenge => challenge.Scheme));
        Assert.Equal("algs=\"ES256 PS256 ES384 ES512 PS384 PS512 RS256 RS384 RS512\"", response.Headers.WwwAuthenticate.First().Parameter);
        Assert.Null(response.Headers.WwwAuthenticate.Last().Parameter);
    }

    [Fact]
    public Task Expired_token_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(expires: DateTime.UtcNow.AddMinutes(-10)));

    [Fact]
    public Task Token_for_another_audience_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(audience: "some-other-api"));

    [Fact]
    public Task Token_from_another_issuer_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(issuer: "https://evil.test/"));

    [Fact]
    public Task Token_signed_by_another_key_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(key: Authority.OtherKey));

    [Fact]
    public Task Token_signed_with_a_shared_secret_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(key: new SymmetricSecurityKey(new byte[32]) { KeyId = "test-key-1" }));

    [Fact]
    public Task Token_that_is_not_a_jwt_is_401_invalid_token() =>
        AssertInvalidTokenAsync("not-a-jwt");

    [Fact]
    public Task Token_of_another_type_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(tokenType: "dpop+jwt"));

    [Fact]
    public Task Token_without_sub_is_401_invalid_token() =>
        AssertInvalidTokenAsync(Authority.Mint(subject: string.Empty));

    [Theory]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    [InlineData("JWT")]
    public async Task Token_typed_as_an_access_token_or_plain_jwt_is_accepted(string tokenType)
    {
        using var response = await GetPhotosAsync(Authority.Mint(tokenType: tokenType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("openid profile")]
    [InlineData("photos.read photosx")]
    public async Task Token_without_photos_scope_is_403_insufficient_scope(string scope)
    {
        using var response = await GetPhotosAsync(Authority.Mint(scope: scope));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Challenge(response);
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.Contains("scope=\"photos\"", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scope_as_an_array_grants_access()
    {
        var token = Authority.Mint(scope: new[] { "openid", "photos" });

        using var response = await GetPhotosAsync(token);

        Assert.Contains("\"scope\":[\"openid\",\"photos\"]", Base64UrlEncoder.Decode(token.Split('.')[1]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Scp_claim_as_entra_sends_it_grants_access()
    {
        using var response = await GetPhotosAsync(Authority.Mint(scope: "photos", scopeClaim: "scp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Image_endpoints_need_the_scope_too()
    {
        using var client = factory.ClientWith(Authority.Mint(scope: "openid"));

        using var image = await client.GetAsync("/photos/harbour-at-dawn");
        using var thumbnail = await client.GetAsync("/photos/harbour-at-dawn/thumbnail");

        Assert.Equal(HttpStatusCode.Forbidden, image.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, thumbnail.StatusCode);
    }
}
