using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Testing;

// The token endpoint's well-behaved answers and the ID tokens in them; tests edit them to misbehave.
public sealed partial class ScriptedAuthorizationServer
{
    private static readonly JsonWebTokenHandler TokenHandler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>What the authorization endpoint would do after the user consents: a one-time code bound to the request.</summary>
    public string IssueCode(AuthorizationRequestSeen request)
    {
        var code = "code-" + RandomPart();
        _codes[code] = request;
        return code;
    }

    /// <summary>
    /// A well-behaved answer: PKCE checked (RFC 7636 §4.6), codes single use, refresh tokens honoured;
    /// everything else is <c>invalid_grant</c>.
    /// </summary>
    public HttpResponseMessage DefaultTokenResponse(ScriptedTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GrantType switch
        {
            "authorization_code" when request.IssuedFor is { } issued && PkceMatches(issued, request.CodeVerifier) && _usedCodes.TryAdd(request.Code!, 0)
                => Json(HttpStatusCode.OK, TokenResponseMembers(request)),
            "refresh_token" when request.Form.TryGetValue("refresh_token", out var refresh) && _refreshTokens.ContainsKey(refresh)
                => Json(HttpStatusCode.OK, TokenResponseMembers(request)),
            _ => Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The code or refresh token is not valid."}"""),
        };
    }

    /// <summary>The members of a valid token response for this request; tests edit them to misbehave.</summary>
    public Dictionary<string, object?> TokenResponseMembers(ScriptedTokenRequest request, Dictionary<string, object>? idTokenClaims = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refreshToken = "rt-" + RandomPart();
        _refreshTokens[refreshToken] = 0;
        return new Dictionary<string, object?>
        {
            ["access_token"] = "at-" + RandomPart(),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["refresh_token"] = refreshToken,
            ["scope"] = request.IssuedFor?.Scope ?? "openid profile offline_access photos",
            ["id_token"] = SignIdToken(idTokenClaims ?? IdTokenClaims(request)),
        };
    }

    /// <summary>The claims of a valid ID token for this request (OIDC Core §2): nonce echoed for a code.</summary>
    public Dictionary<string, object> IdTokenClaims(ScriptedTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = UserName.ToLowerInvariant().Replace(' ', '-'),
            ["name"] = UserName,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        if (request.IssuedFor?.Nonce is { } nonce && request.GrantType == "authorization_code")
        {
            claims["nonce"] = nonce;
        }

        return claims;
    }

    public string SignIdToken(Dictionary<string, object> claims, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        TokenHandler.CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(key ?? SigningKey, algorithm));

    /// <summary>A JWT with <c>"alg":"none"</c> and no signature.</summary>
    public static string UnsignedIdToken(Dictionary<string, object> claims) =>
        Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8) + "." +
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims)) + ".";

    private static bool PkceMatches(AuthorizationRequestSeen issued, string? verifier) =>
        verifier is not null && issued.CodeChallengeMethod == "S256" &&
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == issued.CodeChallenge;

    private static string RandomPart() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
}
