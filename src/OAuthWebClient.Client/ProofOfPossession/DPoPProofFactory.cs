using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.ProofOfPossession;

/// <summary>
/// DPoP proofs (RFC 9449 §4.2): header <c>typ=dpop+jwt</c>, <c>alg</c> and the public <c>jwk</c>; claims <c>jti</c>,
/// <c>htm</c>, <c>htu</c> (the URL without query and fragment), <c>iat</c>, and — to a resource server — <c>ath</c>, the
/// hash of the access token (§4.2, §7); <c>nonce</c> when the server gave one (§8, §9).
/// </summary>
internal sealed class DPoPProofFactory(TimeProvider timeProvider)
{
    public const string HeaderName = "DPoP";
    public const string NonceHeaderName = "DPoP-Nonce";
    public const string TokenType = "DPoP";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(DPoPKey key, HttpMethod method, Uri url, string? accessToken, string? nonce)
    {
        var claims = new Dictionary<string, object>
        {
            ["jti"] = RandomValue.Create(),
            ["htm"] = method.Method,
            ["htu"] = Htu(url),
            ["iat"] = timeProvider.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (accessToken is not null)
        {
            claims["ath"] = AccessTokenHash(accessToken);
        }

        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "dpop+jwt",
            AdditionalHeaderClaims = new Dictionary<string, object> { ["jwk"] = key.PublicJwk },
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
    }

    /// <summary>What observers may see of a proof: header and claims, not the signature.</summary>
    public static SignedJwtView View(string proof) => SignedJwtView.Of(proof);

    /// <summary>RFC 9449 §4.2: <c>ath</c> = base64url(SHA-256(ASCII(access token))).</summary>
    public static string AccessTokenHash(string accessToken) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));

    /// <summary>RFC 9449 §4.2: the target URI without query and fragment.</summary>
    public static string Htu(Uri url) => url.GetLeftPart(UriPartial.Path);
}
