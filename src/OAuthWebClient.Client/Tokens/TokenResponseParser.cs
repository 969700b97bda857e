using System.Text.Json;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// Turns a token endpoint answer into a <see cref="TokenEndpointResult"/>, accepting only what RFC 6749 §5.1
/// allows and reading errors per §5.2 — also when they come with HTTP 200.
/// </summary>
internal static class TokenResponseParser
{
    /// <summary>Token responses are small; anything larger is refused unread (64 KB).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int MaxErrorLength = 200;

    public static TokenEndpointResult Parse(int statusCode, ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return TokenEndpointResult.Malformed(statusCode is >= 200 and < 300
                ? "The token endpoint's answer is not JSON."
                : $"The token endpoint answered HTTP {statusCode} without an OAuth error.");
        }

        using (document)
        {
            try
            {
                return Interpret(statusCode, document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // A string with a lone surrogate escape ("\ud800") parses as JSON but cannot be read as text.
                return TokenEndpointResult.Malformed("The token endpoint's answer holds text that cannot be read (an invalid escape or encoding).");
            }
        }
    }

    private static TokenEndpointResult Interpret(int statusCode, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return TokenEndpointResult.Malformed("The token endpoint's answer is not a JSON object.");
        }

        if (root.TryGetProperty("error", out var error))
        {
            return error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } code
                ? TokenEndpointResult.Rejected(Truncate(code), ErrorDescription(root))
                : TokenEndpointResult.Malformed("The token endpoint's error member is not a string.");
        }

        return statusCode is >= 200 and < 300
            ? ParseSuccess(root)
            : TokenEndpointResult.Malformed($"The token endpoint answered HTTP {statusCode} without an OAuth error.");
    }

    private static TokenEndpointResult ParseSuccess(JsonElement root)
    {
        if (!TryGetString(root, "access_token", out var accessToken) || accessToken.Length == 0)
        {
            return TokenEndpointResult.Malformed("The token response has no access_token string.");
        }

        // RFC 6749 §5.1 / §7.1: token_type is case-insensitive; this client only uses Bearer (RFC 6750).
        if (!TryGetString(root, "token_type", out var tokenType) || !tokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return TokenEndpointResult.Malformed("The token response's token_type is not Bearer.");
        }

        TimeSpan? expiresIn = null;
        if (root.TryGetProperty("expires_in", out var expires))
        {
            if (expires.ValueKind != JsonValueKind.Number || !expires.TryGetInt64(out var seconds) || seconds <= 0 || seconds > int.MaxValue)
            {
                return TokenEndpointResult.Malformed("The token response's expires_in is not a positive number of seconds.");
            }

            expiresIn = TimeSpan.FromSeconds(seconds);
        }

        foreach (var name in (string[])["refresh_token", "id_token", "scope"])
        {
            if (root.TryGetProperty(name, out var member) && member.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return TokenEndpointResult.Malformed($"The token response's {name} is not a string.");
            }
        }

        return TokenEndpointResult.Success(new TokenResponse
        {
            AccessToken = accessToken,
            TokenType = tokenType,
            ExpiresIn = expiresIn,
            RefreshToken = OptionalString(root, "refresh_token"),
            IdToken = OptionalString(root, "id_token"),
            Scope = OptionalString(root, "scope"),
        });
    }

    private static string? ErrorDescription(JsonElement root) =>
        OptionalString(root, "error_description") is { } description ? Truncate(description) : null;

    private static bool TryGetString(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString()! : "";
        return member.ValueKind == JsonValueKind.String;
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String && member.GetString() is { Length: > 0 } value
            ? value
            : null;

    private static string Truncate(string value) => value.Length <= MaxErrorLength ? value : value[..MaxErrorLength];
}
