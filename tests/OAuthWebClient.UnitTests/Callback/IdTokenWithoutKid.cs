using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

/// <summary>
/// OIDC Core §10.1: <c>kid</c> is optional when the JWKS holds a single key, and servers omit it. Without a kid the
/// signature must still be checked against the published keys: the one key, or the one among several that verifies.
/// </summary>
public sealed class IdTokenWithoutKid
{
    private const string NoKeyVerifies = "The ID token's signature does not verify with any key the server publishes.";
    private static readonly RsaSecurityKey SecondRsa = TestKeys.NewRsa("rsa-second");

    [Fact]
    public async Task Token_without_kid_is_accepted_when_the_jwks_has_a_single_key()
    {
        var fixture = new IdTokenFixture();
        fixture.PublishJwks(TestKeys.Jwks(TestKeys.RsaJwk(IdTokenFixture.Rsa)));

        var result = await fixture.ValidateAsync(SignWithoutKid(fixture, IdTokenFixture.Rsa.Rsa));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("alice", result.Subject);
    }

    [Fact]
    public async Task Token_without_kid_is_accepted_when_the_single_published_key_has_no_kid_either()
    {
        var fixture = new IdTokenFixture();
        fixture.PublishJwks(TestKeys.Jwks(WithoutKid(TestKeys.RsaJwk(IdTokenFixture.Rsa))));

        var result = await fixture.ValidateAsync(SignWithoutKid(fixture, IdTokenFixture.Rsa.Rsa));

        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Token_without_kid_signed_by_the_second_of_two_rsa_keys_is_accepted(bool publishedWithKids)
    {
        var fixture = new IdTokenFixture();
        string[] keys = [TestKeys.RsaJwk(IdTokenFixture.Rsa), TestKeys.RsaJwk(SecondRsa)];
        fixture.PublishJwks(TestKeys.Jwks(publishedWithKids ? keys : [.. keys.Select(WithoutKid)]));

        var result = await fixture.ValidateAsync(SignWithoutKid(fixture, SecondRsa.Rsa));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(1, fixture.JwksFetches);
    }

    [Fact]
    public async Task Rs256_token_without_kid_is_accepted_from_a_jwks_with_an_ec_and_an_rsa_key()
    {
        var fixture = new IdTokenFixture();
        fixture.PublishJwks(TestKeys.Jwks(TestKeys.EcJwk(IdTokenFixture.Ec), TestKeys.RsaJwk(IdTokenFixture.Rsa)));

        var result = await fixture.ValidateAsync(SignWithoutKid(fixture, IdTokenFixture.Rsa.Rsa));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Es256_token_without_kid_is_accepted_from_a_jwks_with_an_rsa_and_an_ec_key()
    {
        var fixture = new IdTokenFixture();
        var ec = new ECDsaSecurityKey(IdTokenFixture.Ec.ECDsa);

        var result = await fixture.ValidateAsync(TestKeys.Sign(fixture.Claims(), ec, SecurityAlgorithms.EcdsaSha256));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Token_without_kid_signed_by_an_unpublished_key_is_rejected_with_a_reason()
    {
        var fixture = new IdTokenFixture();
        fixture.PublishJwks(TestKeys.Jwks(TestKeys.RsaJwk(IdTokenFixture.Rsa), TestKeys.RsaJwk(SecondRsa)));

        var result = await fixture.ValidateAsync(SignWithoutKid(fixture, TestKeys.NewRsa("stranger").Rsa));

        Assert.False(result.IsValid);
        Assert.Equal(NoKeyVerifies, result.Error);
    }

    [Fact]
    public async Task Token_without_kid_signed_by_a_newly_published_key_is_accepted_after_one_jwks_fetch()
    {
        var fixture = new IdTokenFixture();
        Assert.True((await fixture.ValidateAsync(fixture.Rs256())).IsValid);
        fixture.PublishJwks(TestKeys.Jwks(WithoutKid(TestKeys.RsaJwk(IdTokenFixture.Rsa)), WithoutKid(TestKeys.RsaJwk(SecondRsa))));

        var result = await fixture.ValidateAsync(SignWithoutKid(fixture, SecondRsa.Rsa));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(2, fixture.JwksFetches);
    }

    [Fact]
    public async Task Token_without_kid_with_a_tampered_payload_is_rejected_by_every_key()
    {
        var fixture = new IdTokenFixture();
        var parts = SignWithoutKid(fixture, IdTokenFixture.Rsa.Rsa).Split('.');
        var forged = fixture.Claims();
        forged["sub"] = "admin";
        var tampered = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(forged)) + "." + parts[2];

        var result = await fixture.ValidateAsync(tampered);

        Assert.False(result.IsValid);
        Assert.Equal(NoKeyVerifies, result.Error);
    }

    /// <summary>An RS256 token whose header has no kid (the key object carries none).</summary>
    private static string SignWithoutKid(IdTokenFixture fixture, System.Security.Cryptography.RSA rsa) =>
        TestKeys.Sign(fixture.Claims(), new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);

    private static string WithoutKid(string jwk)
    {
        var node = JsonNode.Parse(jwk)!.AsObject();
        node.Remove("kid");
        return node.ToJsonString();
    }
}
