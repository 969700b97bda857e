using System.Text;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

public sealed class IdTokenRejection
{
    private static async Task<IdTokenValidationResult> ValidateWith(Action<Dictionary<string, object>, DateTimeOffset> edit, string? expectedNonce = "nonce-1")
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        edit(claims, fixture.Time.GetUtcNow());
        return await fixture.ValidateAsync(fixture.Rs256(claims), expectedNonce);
    }

    private static void AssertInvalid(IdTokenValidationResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Subject);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_rejected()
    {
        var fixture = new IdTokenFixture();

        AssertInvalid(await fixture.ValidateAsync(TestKeys.Unsigned(fixture.Claims())));
    }

    [Fact]
    public async Task HS256_token_is_rejected_even_when_its_key_is_published()
    {
        var fixture = new IdTokenFixture();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-of-at-least-256-bits-length!")) { KeyId = "hs-1" };
        fixture.PublishJwks(TestKeys.Jwks(TestKeys.RsaJwk(IdTokenFixture.Rsa), TestKeys.OctJwk(secret)));

        AssertInvalid(await fixture.ValidateAsync(TestKeys.Sign(fixture.Claims(), secret, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task HS256_token_keyed_with_the_servers_public_RSA_key_is_rejected()
    {
        // Algorithm confusion: the attacker knows the public key and uses its bytes as an HMAC secret.
        var fixture = new IdTokenFixture();
        var publicKeyBytes = IdTokenFixture.Rsa.Rsa.ExportSubjectPublicKeyInfo();
        var confused = new SymmetricSecurityKey(publicKeyBytes) { KeyId = IdTokenFixture.Rsa.KeyId };

        AssertInvalid(await fixture.ValidateAsync(TestKeys.Sign(fixture.Claims(), confused, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task Token_signed_by_an_unpublished_key_with_a_published_kid_is_rejected()
    {
        var fixture = new IdTokenFixture();
        var impostor = TestKeys.NewRsa(IdTokenFixture.Rsa.KeyId);

        AssertInvalid(await fixture.ValidateAsync(TestKeys.Sign(fixture.Claims(), impostor, SecurityAlgorithms.RsaSha256)));
    }

    [Fact]
    public async Task Token_with_an_altered_payload_is_rejected()
    {
        var fixture = new IdTokenFixture();
        var parts = fixture.Rs256().Split('.');
        var other = fixture.Rs256(TestKeys.IdTokenClaims(fixture.Time.GetUtcNow(), subject: "mallory")).Split('.');

        AssertInvalid(await fixture.ValidateAsync($"{parts[0]}.{other[1]}.{parts[2]}"));
    }

    [Fact]
    public async Task Not_a_jwt_is_rejected()
    {
        AssertInvalid(await new IdTokenFixture().ValidateAsync("not-a-jwt"));
    }

    [Fact]
    public async Task Wrong_issuer_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c["iss"] = "https://evil.example"));
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c["aud"] = "another-client"));
    }

    [Fact]
    public async Task Expiry_beyond_the_clock_skew_is_rejected()
    {
        var fixture = new IdTokenFixture();
        var token = fixture.Rs256();

        fixture.Time.Advance(TimeSpan.FromMinutes(10) + fixture.Options.ClockSkew + TimeSpan.FromSeconds(30));

        AssertInvalid(await fixture.ValidateAsync(token));
    }

    [Fact]
    public async Task Missing_expiry_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c.Remove("exp")));
    }

    [Fact]
    public async Task Issue_time_in_the_future_beyond_the_skew_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, now) => c["iat"] = now.AddMinutes(6).ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task Missing_issue_time_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c.Remove("iat")));
    }

    [Fact]
    public async Task Not_before_in_the_future_beyond_the_skew_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, now) => c["nbf"] = now.AddMinutes(6).ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task Wrong_nonce_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c["nonce"] = "nonce-2"));
    }

    [Fact]
    public async Task Missing_nonce_when_one_was_sent_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c.Remove("nonce")));
    }

    [Fact]
    public async Task Missing_subject_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c.Remove("sub")));
    }

    [Fact]
    public async Task Empty_subject_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c["sub"] = ""));
    }

    [Fact]
    public async Task Two_audiences_without_an_authorized_party_are_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c["aud"] = new[] { TestOptions.ClientId, "photos-api" }));
    }

    [Fact]
    public async Task Authorized_party_naming_another_client_is_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) => c["azp"] = "another-client"));
    }

    [Fact]
    public async Task Two_audiences_with_another_client_as_authorized_party_are_rejected()
    {
        AssertInvalid(await ValidateWith((c, _) =>
        {
            c["aud"] = new[] { TestOptions.ClientId, "another-client" };
            c["azp"] = "another-client";
        }));
    }
}
