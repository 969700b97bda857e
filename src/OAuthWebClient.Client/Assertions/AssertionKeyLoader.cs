using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Assertions;

/// <summary>
/// Loads a <see cref="ClientAssertionKey"/> from a PEM or PFX file or a private JWK. Errors name the setting and the
/// reason, never any key material.
/// </summary>
internal static class AssertionKeyLoader
{
    public static readonly string[] RsaAlgorithms = ["PS256", "PS384", "PS512", "RS256", "RS384", "RS512"];

    public static AssertionSigningKey Load(ClientAssertionKey key)
    {
        var (securityKey, curve) = !string.IsNullOrWhiteSpace(key.Jwk) ? FromJwk(key.Jwk) : FromFile(key.KeyFile!, key.KeyPassword);
        var algorithm = string.IsNullOrWhiteSpace(key.Algorithm) ? DefaultAlgorithm(curve) : key.Algorithm.Trim();
        if (curve is null ? !RsaAlgorithms.Contains(algorithm, StringComparer.Ordinal) : algorithm != DefaultAlgorithm(curve))
        {
            throw new InvalidOperationException($"the algorithm {algorithm} does not fit a{(curve is null ? "n RSA" : " " + curve)} key.");
        }

        var publicJwk = PublicJwk(securityKey);
        var keyId = !string.IsNullOrWhiteSpace(key.KeyId) ? key.KeyId : Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
        securityKey.KeyId = keyId;
        publicJwk.Kid = keyId;
        publicJwk.Alg = algorithm;
        publicJwk.Use = "sig";
        return new AssertionSigningKey(securityKey, algorithm, keyId, publicJwk, key.ActiveFrom);
    }

    private static string DefaultAlgorithm(string? curve) => curve switch
    {
        null => "PS256",
        "P-384" => "ES384",
        "P-521" => "ES512",
        _ => "ES256",
    };

    private static (AsymmetricSecurityKey Key, string? Curve) FromJwk(string json)
    {
        var jwk = new JsonWebKey(json);
        if (string.IsNullOrEmpty(jwk.D))
        {
            throw new InvalidOperationException("the JWK has no private part (\"d\").");
        }

        if (jwk.Kty == JsonWebAlgorithmsKeyTypes.RSA)
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters
            {
                Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E), D = Base64UrlEncoder.DecodeBytes(jwk.D),
                P = Base64UrlEncoder.DecodeBytes(jwk.P), Q = Base64UrlEncoder.DecodeBytes(jwk.Q), DP = Base64UrlEncoder.DecodeBytes(jwk.DP),
                DQ = Base64UrlEncoder.DecodeBytes(jwk.DQ), InverseQ = Base64UrlEncoder.DecodeBytes(jwk.QI),
            });
            return (new RsaSecurityKey(rsa), null);
        }

        if (jwk.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve)
        {
            var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.CreateFromFriendlyName(jwk.Crv switch { "P-256" => "nistP256", "P-384" => "nistP384", "P-521" => "nistP521", _ => throw new InvalidOperationException($"the curve {jwk.Crv} is not supported.") }),
                Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
                D = Base64UrlEncoder.DecodeBytes(jwk.D),
            });
            return (new ECDsaSecurityKey(ecdsa), jwk.Crv);
        }

        throw new InvalidOperationException($"the JWK's kty {jwk.Kty} is not RSA or EC.");
    }

    private static (AsymmetricSecurityKey Key, string? Curve) FromFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"the file {path} does not exist.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12")
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (certificate.GetRSAPrivateKey() is { } rsaKey)
            {
                return (new RsaSecurityKey(rsaKey), null);
            }

            return certificate.GetECDsaPrivateKey() is { } ecKey
                ? (new ECDsaSecurityKey(ecKey), CurveName(ecKey))
                : throw new InvalidOperationException($"the file {path} holds no RSA or EC private key.");
        }

        var pem = File.ReadAllText(path);
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || (pem.Contains("PRIVATE KEY", StringComparison.Ordinal) && IsEc(pem, password)))
        {
            var ecdsa = ECDsa.Create();
            Import(ecdsa, pem, password);
            return (new ECDsaSecurityKey(ecdsa), CurveName(ecdsa));
        }

        var rsa = RSA.Create();
        Import(rsa, pem, password);
        return (new RsaSecurityKey(rsa), null);
    }

    private static bool IsEc(string pem, string? password)
    {
        using var probe = ECDsa.Create();
        try
        {
            Import(probe, pem, password);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void Import(AsymmetricAlgorithm key, string pem, string? password)
    {
        if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
        {
            key.ImportFromEncryptedPem(pem, password ?? "");
        }
        else
        {
            key.ImportFromPem(pem);
        }
    }

    private static string CurveName(ECDsa key) => key.KeySize switch { 384 => "P-384", 521 => "P-521", _ => "P-256" };

    /// <summary>Only the public members (RFC 7517 §4, RFC 7518 §6): what the JWKS URL serves.</summary>
    private static JsonWebKey PublicJwk(SecurityKey key) => key switch
    {
        RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.Rsa.ExportParameters(false))),
        ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(PublicOnly(ec.ECDsa))),
        _ => throw new InvalidOperationException("unsupported key type."),
    };

    private static ECDsa PublicOnly(ECDsa key) => ECDsa.Create(key.ExportParameters(false));
}
