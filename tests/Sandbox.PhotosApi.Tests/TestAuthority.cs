using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.PhotosApi.Tests;

/// <summary>
/// A test double of an authorization server: an RSA signing key, its JWKS and discovery document, and a minter of
/// RFC 9068 access tokens. The real sandbox server is exercised end to end elsewhere.
/// </summary>
public sealed class TestAuthority : IDisposable
{
    public const string DefaultIssuer = "https://issuer.test/";
    public const string Audience = "photos-api";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);

    public TestAuthority(string issuer = DefaultIssuer)
    {
        Issuer = issuer;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        // Same key id, different key material: a forged token the JWKS cannot verify.
        OtherKey = new RsaSecurityKey(_otherRsa) { KeyId = "test-key-1" };
    }

    /// <summary>The issuer identifier, with a trailing slash; its discovery document and JWKS live under it.</summary>
    public string Issuer { get; }

    public RsaSecurityKey SigningKey { get; }

    public RsaSecurityKey OtherKey { get; }

    /// <summary>OpenID Connect Discovery 1.0 §3 / RFC 8414 §2 metadata (only what a resource server reads).</summary>
    public string DiscoveryJson() =>
        $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{Issuer}}jwks","id_token_signing_alg_values_supported":["RS256"]}""";

    /// <summary>RFC 7517 §5 JWK set with the public half of <see cref="SigningKey"/>.</summary>
    public string JwksJson()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var n = Base64UrlEncoder.Encode(parameters.Modulus);
        var e = Base64UrlEncoder.Encode(parameters.Exponent);
        return $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{SigningKey.KeyId}}","n":"{{n}}","e":"{{e}}"}]}""";
    }

    /// <summary>Mints an access token; each argument can be changed to make it invalid in one way.</summary>
    public string Mint(
        string subject = "alice",
        object? scope = null,
        string scopeClaim = "scope",
        string? issuer = null,
        string audience = Audience,
        DateTime? expires = null,
        SecurityKey? key = null,
        string tokenType = "at+jwt",
        string? jkt = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["client_id"] = "oauth-web-client",
            ["jti"] = Guid.NewGuid().ToString("N"),
            [scopeClaim] = scope ?? "openid profile photos",
        };
        if (jkt is not null)
        {
            // RFC 9449 §6.1: a DPoP-bound token names its key's thumbprint.
            claims["cnf"] = new Dictionary<string, object> { ["jkt"] = jkt };
        }

        var expiry = expires ?? now.AddMinutes(5);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-10),
            NotBefore = expiry.AddMinutes(-10),
            Expires = expiry,
            TokenType = tokenType,
            SigningCredentials = key is SymmetricSecurityKey
                ? new SigningCredentials(key, SecurityAlgorithms.HmacSha256)
                : new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
    }
}
