using System.Text.Json;

namespace OAuthWebClient.Client.Claims;

/// <summary>
/// A claim name, or a dotted path into nested JSON objects (<c>realm_access.roles</c>, as Keycloak nests roles). At
/// each object the whole remaining path is tried as a member name first, so a namespaced claim whose name holds dots
/// (<c>https://app.example/roles</c>, as Auth0 requires, OIDC Core §5.1.2) is found as it is.
/// </summary>
internal sealed record ClaimPath
{
    /// <summary>Deeper than any provider nests its claims; bounds the walk over a hostile payload.</summary>
    public const int MaxSegments = 8;

    public const int MaxLength = 200;

    private ClaimPath(string value) => Value = value;

    public string Value { get; }

    /// <summary>The path, or null when it is empty (nothing mapped). <see cref="Problem"/> has been checked at start.</summary>
    public static ClaimPath? From(string? value) => string.IsNullOrEmpty(value) ? null : new ClaimPath(value);

    /// <summary>Why <paramref name="value"/> cannot be a claim path, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (value.Any(char.IsWhiteSpace) || value.Any(char.IsControl))
        {
            return "contains spaces or control characters";
        }

        var segments = value.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            return "has an empty segment (a leading, trailing or doubled dot)";
        }

        return segments.Length > MaxSegments ? $"has more than {MaxSegments} segments" : null;
    }

    /// <summary>The value at this path in <paramref name="payload"/>, or null when a step is missing or not an object.</summary>
    public JsonElement? Find(JsonElement payload)
    {
        var current = payload;
        var remaining = Value.AsSpan();
        for (var step = 0; step <= MaxSegments && current.ValueKind == JsonValueKind.Object; step++)
        {
            if (current.TryGetProperty(remaining, out var whole))
            {
                return whole;
            }

            var dot = remaining.IndexOf('.');
            if (dot < 0 || !current.TryGetProperty(remaining[..dot], out current))
            {
                return null;
            }

            remaining = remaining[(dot + 1)..];
        }

        return null;
    }
}
