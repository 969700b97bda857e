using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Testing;

// Logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4), well-formed by default; tests edit them to misbehave.
public sealed partial class ScriptedAuthorizationServer
{
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>The claims of a valid logout token for <paramref name="subject"/> and provider session <paramref name="sid"/> (either may be null).</summary>
    public Dictionary<string, object> LogoutTokenClaims(string? subject, string? sid)
    {
        var now = Time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
            ["jti"] = RandomPart(),
            ["events"] = new Dictionary<string, object> { [LogoutEvent] = new Dictionary<string, object>() },
        };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (sid is not null)
        {
            claims["sid"] = sid;
        }

        return claims;
    }

    /// <summary>
    /// An RS256 JWS of <paramref name="claims"/> with the header the test chooses: <paramref name="type"/> as <c>typ</c>
    /// (none when null), <see cref="SigningKey"/>'s kid unless another <paramref name="key"/> signs.
    /// </summary>
    public string SignLogoutToken(Dictionary<string, object> claims, string? type = "logout+jwt", RsaSecurityKey? key = null)
    {
        key ??= SigningKey;
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["kid"] = key.KeyId };
        if (type is not null)
        {
            header["typ"] = type;
        }

        var input = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.Rsa.SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }
}
