using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.DPoP.Testing;

/// <summary>
/// A client's DPoP key (ECDSA P-256) and a minter of proofs (RFC 9449 §4.2) for the tests; every argument can be changed
/// to break one rule. Shared by the authorization server's and the photos API's tests (linked source).
/// </summary>
public sealed class DPoPProof : IDisposable
{
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DPoPProof() => Key = new ECDsaSecurityKey(_ecdsa);

    public ECDsaSecurityKey Key { get; }

    /// <summary>The RFC 7638 thumbprint of the public key, base64url: the <c>jkt</c> a bound token carries.</summary>
    public string Thumbprint => Base64UrlEncoder.Encode(PublicJwk().ComputeJwkThumbprint());

    /// <summary>base64url(SHA-256(access token)), the <c>ath</c> claim (§4.2).</summary>
    public static string Hash(string accessToken) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));

    public string Create(
        string method,
        string url,
        string? accessToken = null,
        string? nonce = null,
        DateTimeOffset? issuedAt = null,
        string? jti = null,
        string type = "dpop+jwt",
        string algorithm = SecurityAlgorithms.EcdsaSha256,
        bool withPrivateKey = false,
        string? ath = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["jti"] = jti ?? Guid.NewGuid().ToString("N"),
            ["htm"] = method,
            ["htu"] = url,
            ["iat"] = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        };
        if ((ath ?? (accessToken is null ? null : Hash(accessToken))) is { } hash)
        {
            claims["ath"] = hash;
        }

        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = type,
            AdditionalHeaderClaims = new Dictionary<string, object> { ["jwk"] = JwkMembers(withPrivateKey) },
            SigningCredentials = algorithm switch
            {
                "none" => null,
                SecurityAlgorithms.HmacSha256 => new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), algorithm),
                _ => new SigningCredentials(Key, algorithm),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _ecdsa.Dispose();

    private JsonWebKey PublicJwk() => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(_ecdsa.ExportParameters(false))));

    private Dictionary<string, object> JwkMembers(bool withPrivateKey)
    {
        var jwk = PublicJwk();
        var members = new Dictionary<string, object> { ["kty"] = "EC", ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y };
        if (withPrivateKey)
        {
            members["d"] = Base64UrlEncoder.Encode(_ecdsa.ExportParameters(true).D);
        }

        return members;
    }
}
