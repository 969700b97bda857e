using System.Buffers.Text;
using System.Security.Cryptography;
using OAuthWebClient.Client;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The session ours stores for Microsoft Entra ID (<c>OAuth:Preset=EntraId</c>, the largest of the presets' tokens): a v2.0 ID
/// token and a v2.0 access token for the app's own API, both RS256 (RSA-2048) with Entra's usual claims, an opaque refresh
/// token, and the mapped user (name, email, app roles). Claim values are sized like Entra's; no provider was called.
/// </summary>
internal static class EntraIdSession
{
    /// <summary>The ID token's claims (Microsoft identity platform, ID token v2.0 reference), for the report.</summary>
    public const string IdTokenClaims = "aud, iss, iat, nbf, exp, aio, email, name, nonce, oid, preferred_username, rh, roles (3 app roles), sid, sub, tid, uti, ver";

    /// <summary>The access token's claims (access token v2.0 reference), for the report.</summary>
    public const string AccessTokenClaims = "aud, iss, iat, nbf, exp, aio, azp, azpacr, idtyp, name, oid, preferred_username, rh, roles, scp, sid, sub, tid, uti, ver";

    /// <summary>Entra's refresh tokens are opaque and encrypted; their size is not documented (about 1–1.5 KB is common).</summary>
    public const int RefreshTokenLength = 1200;

    public static TokenSet Create(TimeProvider time)
    {
        var now = time.GetUtcNow();
        var tenant = Guid.NewGuid().ToString();
        var issuer = $"https://login.microsoftonline.com/{tenant}/v2.0";
        var (clientId, apiId, objectId, sessionId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        const string Name = "Alice Lindqvist-Moreau";
        const string Email = "alice.lindqvist-moreau@contoso.onmicrosoft.com";
        string[] roles = ["Photos.Read", "Photos.Upload", "Photos.Admin"];
        var subject = Text(32);
        var common = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["aio"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(105)),
            ["name"] = Name,
            ["oid"] = objectId,
            ["preferred_username"] = Email,
            ["rh"] = "1.A" + Text(60) + ".",
            ["roles"] = roles,
            ["sid"] = sessionId,
            ["tid"] = tenant,
            ["uti"] = Text(16),
            ["ver"] = "2.0",
        };
        var idToken = new Dictionary<string, object>(common) { ["aud"] = clientId, ["email"] = Email, ["nonce"] = Text(32), ["sub"] = subject };
        var accessToken = new Dictionary<string, object>(common)
        {
            ["aud"] = apiId, ["azp"] = clientId, ["azpacr"] = "1", ["idtyp"] = "user", ["scp"] = "Photos.Read Photos.Upload", ["sub"] = Text(32),
        };
        using var rsa = RSA.Create(2048);
        var header = new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = Text(20) };
        string Sign(Dictionary<string, object> payload) => Jws.Create(header, payload, input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new TokenSet
        {
            AccessToken = Sign(accessToken),
            RefreshToken = "1.A" + Text(RefreshTokenLength * 3 / 4)[..(RefreshTokenLength - 3)],
            IdToken = Sign(idToken),
            ExpiresAt = now.AddHours(1),
            Scope = $"openid profile email offline_access api://{apiId}/Photos.Read api://{apiId}/Photos.Upload",
            Issuer = issuer,
            Subject = subject,
            ProviderSessionId = sessionId,
            Provider = "entra",
            TokenType = "Bearer",
            User = new UserClaims { Name = Name, Email = Email, Roles = roles },
        };
    }

    /// <summary>Random base64url text of <paramref name="bytes"/> bytes, as Entra's opaque values are.</summary>
    private static string Text(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
