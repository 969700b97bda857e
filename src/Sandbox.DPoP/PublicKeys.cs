using Microsoft.IdentityModel.Tokens;

namespace Sandbox.DPoP;

/// <summary>Checks that a JWK is a public asymmetric key: what a DPoP proof's <c>jwk</c> and a client's registered JWKS hold.</summary>
public static class PublicKeys
{
    /// <summary>
    /// An RSA or EC key (RFC 7518 §6.2, §6.3) with no private members: never <c>d</c> (nor the RSA CRT values),
    /// and never a symmetric <c>oct</c> key (RFC 9449 §4.2: the <c>jwk</c> "MUST NOT contain a private key").
    /// </summary>
    public static bool IsPublicAsymmetric(JsonWebKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var privateMembers = new[] { key.D, key.P, key.Q, key.DP, key.DQ, key.QI, key.K };
        if (privateMembers.Any(member => !string.IsNullOrEmpty(member)) || key.AdditionalData.ContainsKey("oth"))
        {
            return false;
        }

        return key.Kty switch
        {
            JsonWebAlgorithmsKeyTypes.RSA => !string.IsNullOrEmpty(key.N) && !string.IsNullOrEmpty(key.E),
            JsonWebAlgorithmsKeyTypes.EllipticCurve => !string.IsNullOrEmpty(key.Crv) && !string.IsNullOrEmpty(key.X) && !string.IsNullOrEmpty(key.Y),
            _ => false,
        };
    }
}
