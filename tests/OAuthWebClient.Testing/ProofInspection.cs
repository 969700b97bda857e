using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Testing;

/// <summary>
/// A JWT the client signed — a DPoP proof (RFC 9449 §4.2) or a client assertion (RFC 7523 §3) — read and verified the
/// way a server would: the signature checked with the proof's own <c>jwk</c>, or with a given public key.
/// </summary>
public sealed class ProofInspection
{
    private ProofInspection(JsonWebToken token, bool signatureValid, JsonWebKey? headerKey)
    {
        Token = token;
        SignatureValid = signatureValid;
        HeaderKey = headerKey;
    }

    public JsonWebToken Token { get; }

    public bool SignatureValid { get; }

    /// <summary>The proof's <c>jwk</c> header, if any.</summary>
    public JsonWebKey? HeaderKey { get; }

    public string? Claim(string name) => Token.TryGetPayloadValue<object>(name, out var value) ? value.ToString() : null;

    public string? Header(string name) => Token.TryGetHeaderValue<object>(name, out var value) ? value.ToString() : null;

    /// <summary>RFC 7638 thumbprint of the proof's key, base64url (what <c>cnf.jkt</c> names).</summary>
    public string Thumbprint => Base64UrlEncoder.Encode(HeaderKey!.ComputeJwkThumbprint());

    /// <summary>RFC 9449 §4.2 <c>ath</c> for <paramref name="accessToken"/>.</summary>
    public static string AccessTokenHash(string accessToken) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));

    /// <summary>A DPoP proof, its signature checked with its own <c>jwk</c>.</summary>
    public static async Task<ProofInspection> DPoPAsync(string proof)
    {
        var token = new JsonWebToken(proof);
        var jwk = token.TryGetHeaderValue<object>("jwk", out var value) ? new JsonWebKey(value.ToString()!) : null;
        return new ProofInspection(token, jwk is not null && await VerifiesAsync(proof, jwk), jwk);
    }

    /// <summary>A client assertion, its signature checked with <paramref name="key"/> (from the client's JWKS).</summary>
    public static async Task<ProofInspection> SignedWithAsync(string jwt, SecurityKey key) => new(new JsonWebToken(jwt), await VerifiesAsync(jwt, key), null);

    private static async Task<bool> VerifiesAsync(string jwt, SecurityKey key)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidTypes = ["dpop+jwt", "client-authentication+jwt"],
        });
        return result.IsValid;
    }
}
