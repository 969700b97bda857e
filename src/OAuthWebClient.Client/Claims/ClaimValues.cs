using System.Text.Json;

namespace OAuthWebClient.Client.Claims;

/// <summary>
/// Reads claim values from JSON the server chose, defensively: only strings count (a number, a boolean or an object is
/// ignored, never an error), each value is bounded in length and a list in count, so a hostile token cannot make the
/// session large.
/// </summary>
internal static class ClaimValues
{
    public const int MaxValueLength = 256;

    public const int MaxRoles = 100;

    /// <summary>Array items looked at, strings or not: a huge array of numbers is not walked to its end.</summary>
    public const int MaxInspected = 1000;

    /// <summary>A single string value, or null.</summary>
    public static string? Single(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } element && element.GetString() is { Length: > 0 and <= MaxValueLength } text ? text : null;

    /// <summary>
    /// A JSON array of strings, one string, or a space-separated string (as <c>scope</c> is, RFC 6749 §3.3): distinct
    /// values in order, at most <see cref="MaxRoles"/>. Anything else: none.
    /// </summary>
    public static IReadOnlyList<string> List(JsonElement? value)
    {
        var values = new List<string>();
        switch (value)
        {
            case { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray().Take(MaxInspected))
                {
                    if (values.Count == MaxRoles)
                    {
                        break;
                    }

                    if (item.ValueKind == JsonValueKind.String)
                    {
                        Add(values, item.GetString());
                    }
                }

                break;
            case { ValueKind: JsonValueKind.String } text when text.GetString() is { Length: <= MaxRoles * MaxValueLength } spaced:
                foreach (var part in spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxRoles))
                {
                    Add(values, part);
                }

                break;
        }

        return values;
    }

    private static void Add(List<string> values, string? value)
    {
        if (value is { Length: > 0 and <= MaxValueLength } && !values.Contains(value, StringComparer.Ordinal))
        {
            values.Add(value);
        }
    }
}
