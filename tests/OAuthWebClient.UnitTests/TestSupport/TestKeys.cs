using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.UnitTests.TestSupport;

/// <summary>Signing keys, their JWK form, and ID token minting.</summary>
internal static class TestKeys
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static RsaSecurityKey NewRsa(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public static ECDsaSecurityKey NewEc(string kid) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = kid };

    public static string RsaJwk(RsaSecurityKey key)
    {
        var p = key.Rsa.ExportParameters(false);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["e"] = Base64Url.EncodeToString(p.Exponent),
        });
    }

    public static string EcJwk(ECDsaSecurityKey key)
    {
        var p = key.ECDsa.ExportParameters(false);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["crv"] = "P-256",
            ["kid"] = key.KeyId,
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
        });
    }

    public static string OctJwk(SymmetricSecurityKey key) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["kty"] = "oct",
        ["use"] = "sig",
        ["kid"] = key.KeyId,
        ["k"] = Base64Url.EncodeToString(key.Key),
    });

    public static string Jwks(params string[] jwks) => "{\"keys\":[" + string.Join(',', jwks) + "]}";

    /// <summary>The claims of a valid ID token for <see cref="TestOptions.ClientId"/> at <paramref name="now"/>.</summary>
    public static Dictionary<string, object> IdTokenClaims(DateTimeOffset now, string? nonce = "nonce-1", string subject = "alice")
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = TestOptions.Issuer,
            ["aud"] = TestOptions.ClientId,
            ["sub"] = subject,
            ["name"] = "Alice Example",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return claims;
    }

    public static string Sign(Dictionary<string, object> claims, SecurityKey key, string algorithm) =>
        Handler.CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(key, algorithm));

    /// <summary>An unsigned JWT (<c>alg: none</c>).</summary>
    public static string Unsigned(Dictionary<string, object> claims) => Handler.CreateToken(JsonSerializer.Serialize(claims));
}
