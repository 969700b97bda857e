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

    private static TokenEndpointResult Parse(int statusCode, ReadOnlyMemory<byte> body, bool pushed)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return TokenEndpointResult.Malformed(statusCode is >= 200 and < 300
                ? $"The {EndpointName(pushed)}'s answer is not JSON."
                : $"The {EndpointName(pushed)} answered HTTP {statusCode} without an OAuth error.");
        }

        using (document)
        {
            try
            {
                return Interpret(statusCode, document.RootElement, pushed);
            }
            catch (InvalidOperationException)
            {
                // A string with a lone surrogate escape ("\ud800") parses as JSON but cannot be read as text.
                return TokenEndpointResult.Malformed($"The {EndpointName(pushed)}'s answer holds text that cannot be read (an invalid escape or encoding).");
            }
        }
    }

    /// <summary>Which endpoint answered, for the messages (a PAR failure is not the token endpoint's).</summary>
    public static string EndpointName(bool pushed) => pushed ? "pushed authorization endpoint" : "token endpoint";

    /// <summary>A pushed authorization request's answer: 201 with <c>request_uri</c> and <c>expires_in</c> (RFC 9126 §2.2), or an error (§2.3).</summary>
    public static TokenEndpointResult ParsePushed(int statusCode, ReadOnlyMemory<byte> body) => Parse(statusCode, body, pushed: true);

    public static TokenEndpointResult Parse(int statusCode, ReadOnlyMemory<byte> body) => Parse(statusCode, body, pushed: false);

    private static TokenEndpointResult ParsePushed(JsonElement root)
    {
        if (!TryGetString(root, "request_uri", out var requestUri) || requestUri.Length is 0 or > 2048)
        {
            return TokenEndpointResult.Malformed("The pushed authorization response has no request_uri string.");
        }

        if (!root.TryGetProperty("expires_in", out var expires) || expires.ValueKind != JsonValueKind.Number || !expires.TryGetInt32(out var seconds) || seconds <= 0)
        {
            return TokenEndpointResult.Malformed("The pushed authorization response's expires_in is not a positive number of seconds.");
        }

        return TokenEndpointResult.Success(new PushedRequest(requestUri, TimeSpan.FromSeconds(seconds)));
    }

    private static TokenEndpointResult Interpret(int statusCode, JsonElement root, bool pushed)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return TokenEndpointResult.Malformed($"The {EndpointName(pushed)}'s answer is not a JSON object.");
        }

        if (root.TryGetProperty("error", out var error))
        {
            return error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } code
                ? TokenEndpointResult.Rejected(Truncate(code), ErrorDescription(root))
                : TokenEndpointResult.Malformed($"The {EndpointName(pushed)}'s error member is not a string.");
        }

        return statusCode is >= 200 and < 300
            ? pushed ? ParsePushed(root) : ParseSuccess(root)
            : TokenEndpointResult.Malformed($"The {EndpointName(pushed)} answered HTTP {statusCode} without an OAuth error.");
    }

    private static TokenEndpointResult ParseSuccess(JsonElement root)
    {
        if (!TryGetString(root, "access_token", out var accessToken) || accessToken.Length == 0)
        {
            return TokenEndpointResult.Malformed("The token response has no access_token string.");
        }

        // RFC 6749 §5.1 / §7.1: token_type is case-insensitive; this client uses Bearer (RFC 6750) and DPoP (RFC 9449 §5).
        if (!TryGetString(root, "token_type", out var tokenType) ||
            !(tokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || tokenType.Equals("DPoP", StringComparison.OrdinalIgnoreCase)))
        {
            return TokenEndpointResult.Malformed("The token response's token_type is neither Bearer nor DPoP.");
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
            TokenType = tokenType.Equals("DPoP", StringComparison.OrdinalIgnoreCase) ? "DPoP" : "Bearer",
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
