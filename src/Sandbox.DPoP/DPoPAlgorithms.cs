using Microsoft.IdentityModel.Tokens;

namespace Sandbox.DPoP;

/// <summary>
/// The JWS algorithms a DPoP proof may use: asymmetric only (RFC 9449 §4.2 "MUST NOT be none or an identifier for a
/// symmetric algorithm"). Advertised as <c>dpop_signing_alg_values_supported</c> (§5.1) and in <c>algs</c> (§7.1).
/// </summary>
public static class DPoPAlgorithms
{
    /// <summary>ES256 and PS256 first (FAPI 2.0 Security Profile §5.4), then the other ECDSA, RSA-PSS and RSA PKCS#1 ones.</summary>
    public static readonly IReadOnlyList<string> Supported =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256,
        SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
    ];

    /// <summary>The space-separated list a <c>WWW-Authenticate: DPoP algs="…"</c> challenge carries (RFC 9449 §7.1).</summary>
    public static string SpaceSeparated { get; } = string.Join(' ', Supported);

    public static bool IsSupported(string? algorithm) =>
        algorithm is not null && Supported.Contains(algorithm, StringComparer.Ordinal);
}
