namespace OAuthWebClient.Client;

/// <summary>A session's tokens, kept server-side only (RFC 9700 §4.14): the browser holds just the session id.</summary>
public sealed record TokenSet
{
    /// <summary>The access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token, if the server issued one (never leaves the store).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The latest ID token, if any.</summary>
    public string? IdToken { get; init; }

    /// <summary>When the access token expires.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Space-separated scopes granted (RFC 6749 §5.1: the requested scope when the response omits it).</summary>
    public required string Scope { get; init; }

    /// <summary>The issuer that granted the tokens (a refreshed ID token must name the same, OIDC Core §12.2).</summary>
    public required string Issuer { get; init; }

    /// <summary>The ID token's <c>sub</c>, if any.</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// The ID token's <c>sid</c>: the provider's session this one belongs to, which a back-channel logout token may name
    /// (OpenID Connect Back-Channel Logout 1.0 §2.4). Null when the provider sends none, and in sessions stored before it
    /// was kept (a logout token naming their <c>sub</c> still ends them).
    /// </summary>
    public string? ProviderSessionId { get; init; }

    /// <summary>
    /// The provider that granted them (<see cref="OAuthProvider.Name"/>): refresh, revocation and logout go to it. Null in
    /// sessions stored before providers had names: the <see cref="OAuthClientDefaults.DefaultProvider"/>.
    /// </summary>
    public string? Provider { get; init; }

    /// <summary>When the tokens were last refreshed; null if never.</summary>
    public DateTimeOffset? LastRefreshed { get; init; }

    /// <summary>
    /// How the access token is sent (RFC 6749 §7.1): <c>Bearer</c>, or <c>DPoP</c> — then only ever with a proof signed by
    /// <see cref="DPoPKey"/> (RFC 9449 §7). Null in sessions stored before it was kept: Bearer.
    /// </summary>
    public string? TokenType { get; init; }

    /// <summary>
    /// The session's DPoP key pair as a private JWK (RFC 9449 §2), when DPoP is on; it never leaves the token store (which
    /// encrypts it with the tokens in Redis), so any instance can prove possession for this session.
    /// </summary>
    public string? DPoPKey { get; init; }

    /// <summary>The claims mapped at sign-in (name, email, roles); null for a session stored before they were kept, or without an ID token.</summary>
    public UserClaims? User { get; init; }

    /// <summary>What <c>ToString()</c> shows (a log line, a debugger, an exception's message): never a token, a key or a claim.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccessToken = ").Append(Redacted.Of(AccessToken))
            .Append(", RefreshToken = ").Append(Redacted.Of(RefreshToken))
            .Append(", IdToken = ").Append(Redacted.Of(IdToken))
            .Append(", DPoPKey = ").Append(Redacted.Of(DPoPKey))
            .Append(", TokenType = ").Append(TokenType ?? "Bearer")
            .Append(", ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Scope = ").Append(Scope)
            .Append(", Issuer = ").Append(Issuer)
            .Append(", Provider = ").Append(Provider ?? OAuthClientDefaults.DefaultProvider)
            .Append(", User = ").Append(User is null ? "null" : "(claims)");
        return true;
    }
}
