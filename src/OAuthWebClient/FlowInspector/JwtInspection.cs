using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// Decodes a JWT's header and claims for display, without any validation. Microsoft.IdentityModel's
/// <see cref="JsonWebToken"/> parses it (JWS or JWE, RFC 7519 §7.2); the parts are then shown as the JSON they are.
/// </summary>
public static class JwtInspection
{
    private static readonly string[] TimeClaims = ["exp", "iat", "nbf", "auth_time"];
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The header and claims of a three-part JWT; a five-part one is reported as encrypted; anything else as opaque.</summary>
    public static DecodedJwt Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!Handler.CanReadToken(token))
        {
            return new DecodedJwt("Opaque: not a JWT, only the server that issued it can interpret it", [], []);
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or Microsoft.IdentityModel.Tokens.SecurityTokenMalformedException)
        {
            return new DecodedJwt("Opaque: not a JWT, only the server that issued it can interpret it", [], []);
        }

        if (jwt.IsEncrypted)
        {
            return new DecodedJwt("Encrypted JWT (JWE, RFC 7516): only the server can read it", [], []);
        }

        if (ReadObject(jwt.EncodedHeader) is not { } header || ReadObject(jwt.EncodedPayload) is not { } claims)
        {
            return new DecodedJwt("Opaque: not a JWT, only the server that issued it can interpret it", [], []);
        }

        return new DecodedJwt("Signed JWT (JWS, RFC 7515); the signature is not shown", header, claims);
    }

    private static List<FlowField>? ReadObject(string part)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return [.. document.RootElement.EnumerateObject().Select(Field)];
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static FlowField Field(JsonProperty claim)
    {
        var value = claim.Value;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (claim.Name == "nonce")
        {
            // OIDC Core §3.1.3.7: the nonce binds the ID token to this browser's request; shown like the request's.
            return new FlowField(claim.Name, FlowRedaction.Prefix(text), "Must equal the nonce the client sent with the authorization request (OIDC Core §3.1.3.7).");
        }

        if (TimeClaims.Contains(claim.Name) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            return new FlowField(claim.Name, text, time);
        }

        return new FlowField(claim.Name, text);
    }
}
