using System.Text.RegularExpressions;

namespace OAuthWebClient.Logging;

/// <summary>
/// Removes OAuth secrets from log text: query or form parameters (<c>code=…</c>, <c>state=…</c>,
/// <c>code_verifier=…</c>, tokens, secrets), JSON members carrying tokens, and Bearer/Basic credentials.
/// The framework logs full request URLs (the callback's query holds the code and state) at Information.
/// </summary>
public static partial class SecretRedactor
{
    public const string Redacted = "[redacted]";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayContainSecret(text))
        {
            return text;
        }

        text = ParameterRegex().Replace(text, m => m.Groups[1].Value + Redacted);
        text = JsonMemberRegex().Replace(text, m => m.Groups[1].Value + Redacted + "\"");
        return CredentialRegex().Replace(text, m => m.Groups[1].Value + Redacted);
    }

    /// <summary>
    /// A structured log value with secrets removed, so that sinks writing state (JSON console, OpenTelemetry) get no
    /// more than the message: strings are redacted; a value logged under a credential-bearing name (e.g. HttpClient's
    /// header logging, whose values are string sequences) is dropped; collections are redacted item by item; any other
    /// object is kept unless its text carries a secret. Numbers, times and the like are kept as they are.
    /// </summary>
    public static object? RedactValue(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is null || IsScalar(value))
        {
            return value;
        }

        if (CredentialNames.Contains(name))
        {
            return Redacted;
        }

        return value switch
        {
            string text => Redact(text),
            System.Collections.IEnumerable sequence => sequence.Cast<object?>().Select(item => RedactValue("", item)).ToArray(),
            _ => value.ToString() is { } text && Redact(text) is var redacted && redacted != text ? redacted : value,
        };
    }

    /// <summary>HTTP headers whose whole value is a credential.</summary>
    private static readonly HashSet<string> CredentialNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "DPoP",
    };

    private static bool IsScalar(object value) =>
        value.GetType().IsPrimitive || value is Enum or decimal or DateTime or DateTimeOffset or TimeSpan or Guid;

    private static bool MayContainSecret(string text) =>
        text.Contains('=', StringComparison.Ordinal) || text.Contains("token", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("Bearer", StringComparison.OrdinalIgnoreCase) || text.Contains("Basic", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(\b(?:code|state|code_verifier|nonce|access_token|refresh_token|id_token|id_token_hint|client_secret|token|assertion|session_state)=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterRegex();

    [GeneratedRegex(@"(""(?:access_token|refresh_token|id_token|code|code_verifier|client_secret)""\s*:\s*"")[^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonMemberRegex();

    [GeneratedRegex(@"(\b(?:Bearer|Basic)\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialRegex();
}
