namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// Which stored sessions a back-channel logout token names (OpenID Connect Back-Channel Logout 1.0 §2.4, §2.7): those of
/// its issuer and <c>sid</c> — of its <c>sub</c> too when it has both — or, with no <c>sid</c>, every session of its issuer
/// and <c>sub</c>. What the stores' indexes find is checked against the session itself, so a stale index entry ends nothing.
/// </summary>
internal static class ProviderSessionMatch
{
    public static bool IsNamed(TokenSet tokens, string issuer, string? providerSessionId, string? subject) =>
        string.Equals(tokens.Issuer, issuer, StringComparison.Ordinal)
        && (providerSessionId is not null || subject is not null)
        && (providerSessionId is null || string.Equals(tokens.ProviderSessionId, providerSessionId, StringComparison.Ordinal))
        && (subject is null || string.Equals(tokens.Subject, subject, StringComparison.Ordinal));
}
