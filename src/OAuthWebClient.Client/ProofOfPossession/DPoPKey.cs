using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.ProofOfPossession;

/// <summary>
/// A session's DPoP key pair (RFC 9449 §2). Created at sign-in, kept as a private JWK in the session's
/// <see cref="TokenSet.DPoPKey"/> — in the token store, encrypted with the tokens in Redis — so any instance can sign
/// proofs for the session. The private part never leaves the server.
/// </summary>
internal sealed class DPoPKey
{
    public static readonly string[] Algorithms = ["ES256", "ES384", "PS256"];

    private DPoPKey(AsymmetricSecurityKey key, string algorithm, Dictionary<string, object> publicJwk)
    {
        Credentials = new SigningCredentials(key, algorithm);
        PublicJwk = publicJwk;
    }

    public SigningCredentials Credentials { get; }

    /// <summary>The public key for the proof's <c>jwk</c> header (RFC 9449 §4.2), RFC 7638 members only.</summary>
    public Dictionary<string, object> PublicJwk { get; }

    public static DPoPKey Create(string algorithm) => algorithm switch
    {
        "PS256" => FromRsa(RSA.Create(2048)),
        "ES384" => FromEc(ECDsa.Create(ECCurve.NamedCurves.nistP384), algorithm),
        _ => FromEc(ECDsa.Create(ECCurve.NamedCurves.nistP256), "ES256"),
    };

    /// <summary>The key kept in a <see cref="TokenSet"/>; null when it cannot be read.</summary>
    public static DPoPKey? FromJson(string json)
    {
        try
        {
            var node = JsonNode.Parse(json)!.AsObject();
            var alg = (string)node["alg"]!;
            if (alg == "PS256")
            {
                var rsa = RSA.Create();
                rsa.ImportParameters(new RSAParameters
                {
                    Modulus = Bytes(node, "n"), Exponent = Bytes(node, "e"), D = Bytes(node, "d"), P = Bytes(node, "p"), Q = Bytes(node, "q"),
                    DP = Bytes(node, "dp"), DQ = Bytes(node, "dq"), InverseQ = Bytes(node, "qi"),
                });
                return FromRsa(rsa);
            }

            var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = alg == "ES384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Bytes(node, "x"), Y = Bytes(node, "y") },
                D = Bytes(node, "d"),
            });
            return FromEc(ecdsa, alg);
        }
        catch (Exception e) when (e is JsonException or CryptographicException or NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The private JWK, with <c>alg</c>, for the token store.</summary>
    public string ToJson()
    {
        var node = new JsonObject { ["alg"] = Credentials.Algorithm };
        switch (Credentials.Key)
        {
            case RsaSecurityKey { Rsa: { } rsa }:
                var r = rsa.ExportParameters(true);
                Add(node, ("n", r.Modulus), ("e", r.Exponent), ("d", r.D), ("p", r.P), ("q", r.Q), ("dp", r.DP), ("dq", r.DQ), ("qi", r.InverseQ));
                break;
            case ECDsaSecurityKey { ECDsa: { } ec }:
                var p = ec.ExportParameters(true);
                Add(node, ("x", p.Q.X), ("y", p.Q.Y), ("d", p.D));
                break;
        }

        return node.ToJsonString();
    }

    /// <summary>RFC 7638 thumbprint of the public key, base64url: the <c>jkt</c> a bound token carries (RFC 9449 §6.1).</summary>
    public string Thumbprint()
    {
        var jwk = new JsonWebKey(JsonSerializer.Serialize(PublicJwk));
        return Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
    }

    private static DPoPKey FromRsa(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return new DPoPKey(new RsaSecurityKey(rsa), "PS256", new() { ["kty"] = "RSA", ["e"] = Base64UrlEncoder.Encode(p.Exponent), ["n"] = Base64UrlEncoder.Encode(p.Modulus) });
    }

    private static DPoPKey FromEc(ECDsa ecdsa, string algorithm)
    {
        var p = ecdsa.ExportParameters(false);
        return new DPoPKey(new ECDsaSecurityKey(ecdsa), algorithm, new()
        {
            ["kty"] = "EC",
            ["crv"] = algorithm == "ES384" ? "P-384" : "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        });
    }

    private static byte[] Bytes(JsonObject node, string name) => Base64UrlEncoder.DecodeBytes((string)node[name]!);

    private static void Add(JsonObject node, params (string Name, byte[]? Value)[] members)
    {
        foreach (var (name, value) in members)
        {
            node[name] = value is null ? null : Base64UrlEncoder.Encode(value);
        }
    }
}
