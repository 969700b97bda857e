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
