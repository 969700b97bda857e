using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.AuthServer.Configuration;

/// <summary>The signing algorithms <see cref="AuthServerOptions.SigningAlgorithm"/> accepts, and their ephemeral keys.</summary>
internal static class SigningKeys
{
    public const string PS256 = SecurityAlgorithms.RsaSsaPssSha256;
    public const string ES256 = SecurityAlgorithms.EcdsaSha256;
    public const string RS256 = SecurityAlgorithms.RsaSha256;

    /// <summary>PS256 and ES256 are what FAPI 2.0 Security Profile §5.4 allows (EdDSA aside); RS256 for older clients.</summary>
    public static readonly IReadOnlyList<string> Supported = [PS256, ES256, RS256];

    /// <summary>
    /// A key made at startup and kept in memory only (sandbox: a restart invalidates every token). RSA 2048 for PS256/RS256,
    /// P-256 for ES256 (RFC 7518 §3.3–§3.5). OpenIddict derives the <c>kid</c> when it publishes the JWKS.
    /// </summary>
    public static SigningCredentials CreateEphemeral(string algorithm) => algorithm switch
    {
        ES256 => new SigningCredentials(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), ES256),
        PS256 or RS256 => new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)), algorithm),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported signing algorithm."),
    };
}
