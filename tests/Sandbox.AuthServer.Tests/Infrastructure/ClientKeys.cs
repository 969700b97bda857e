using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>
/// The key pairs of the test clients that authenticate with private_key_jwt (RFC 7523 §2.2): an ECDSA P-256 key (ES256)
/// and an RSA key (PS256). Their public halves are registered with the server as the client's JWKS.
/// </summary>
public static class ClientKeys
{
    public static ECDsaSecurityKey Ec { get; } = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-1" };

    public static RsaSecurityKey Rsa { get; } = new(RSA.Create(2048)) { KeyId = "rsa-1" };

    /// <summary>A key of the type <paramref name="algorithm"/> needs that the server has never seen (same kid as the registered one).</summary>
    public static SecurityKey StrangerFor(string algorithm) => algorithm.StartsWith("ES", StringComparison.Ordinal)
        ? new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Ec.KeyId }
        : new RsaSecurityKey(RSA.Create(2048)) { KeyId = Rsa.KeyId };

    /// <summary>RFC 7517 §5: <c>{"keys":[...]}</c> with the public halves of <see cref="Ec"/> and <see cref="Rsa"/>.</summary>
    public static string PublicJwks() => JsonSerializer.Serialize(new { keys = new[] { PublicJwk(Ec), PublicJwk(Rsa) } });

    /// <summary>The public members of a key as a JWK object (RFC 7518 §6.2.1, §6.3.1).</summary>
    public static Dictionary<string, string> PublicJwk(SecurityKey key)
    {
        var jwk = key switch
        {
            ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec),
            RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa),
            _ => throw new ArgumentException("Unsupported key.", nameof(key)),
        };
        var members = jwk.Kty == "EC"
            ? new Dictionary<string, string> { ["kty"] = "EC", ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y }
            : new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E };
        if (!string.IsNullOrEmpty(key.KeyId))
        {
            members["kid"] = key.KeyId;
        }

        return members;
    }
}
