using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>A fresh P-256 private key as a JWK, for <c>OAuth:ClientAssertion:Jwk</c> (private_key_jwt, RFC 7523 §2.2).</summary>
internal static class AssertionKey
{
    public static string Jwk()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(true);
        static string B(byte[]? b) => Base64UrlEncoder.Encode(b);
        return $$"""{"kty":"EC","crv":"P-256","x":"{{B(p.Q.X)}}","y":"{{B(p.Q.Y)}}","d":"{{B(p.D)}}"}""";
    }
}
