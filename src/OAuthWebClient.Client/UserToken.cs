namespace OAuthWebClient.Client;

/// <summary>
/// A session's access token and what is known about it. The refresh token is not exposed: it never leaves the
/// client's store (RFC 9700 §4.14).
/// </summary>
public sealed record UserToken
{
    /// <summary>The access token, to send to resource servers only (RFC 6750 §2.1).</summary>
    public required string AccessToken { get; init; }

    /// <summary>When the access token expires (from <c>expires_in</c>, or <see cref="OAuthClientOptions.AssumedAccessTokenLifetime"/>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Space-separated scopes granted (RFC 6749 §3.3: can be less than asked).</summary>
    public required string Scope { get; init; }

    /// <summary>The issuer that granted the tokens.</summary>
    public required string Issuer { get; init; }

    /// <summary>The ID token's <c>sub</c>, when there was an ID token.</summary>
    public string? Subject { get; init; }

    /// <summary>The latest ID token, for its claims (OIDC Core §2); null without <c>openid</c>.</summary>
    public string? IdToken { get; init; }

    /// <summary>How the token is sent: <c>Bearer</c> (RFC 6750) or <c>DPoP</c> (RFC 9449 §7: only with a proof, which the user access token handler adds).</summary>
    public string TokenType { get; init; } = "Bearer";

    /// <summary>Whether the session holds a refresh token.</summary>
    public required bool HasRefreshToken { get; init; }

    /// <summary>When the tokens were last refreshed; null if never.</summary>
    public DateTimeOffset? LastRefreshed { get; init; }

    /// <summary>The session's DPoP key (private JWK), for the handler that signs proofs; never public.</summary>
    internal string? DPoPKey { get; init; }

    /// <summary>What <c>ToString()</c> shows: never the token or the key.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccessToken = ").Append(Redacted.Of(AccessToken))
            .Append(", IdToken = ").Append(Redacted.Of(IdToken))
            .Append(", TokenType = ").Append(TokenType)
            .Append(", ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Scope = ").Append(Scope)
            .Append(", Issuer = ").Append(Issuer)
            .Append(", HasRefreshToken = ").Append(HasRefreshToken ? "true" : "false");
        return true;
    }

    /// <summary>Whether <paramref name="scope"/> was granted.</summary>
    public bool HasScope(string scope) => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);

    internal static UserToken From(TokenSet tokens) => new()
    {
        AccessToken = tokens.AccessToken,
        ExpiresAt = tokens.ExpiresAt,
        Scope = tokens.Scope,
        Issuer = tokens.Issuer,
        Subject = tokens.Subject,
        IdToken = tokens.IdToken,
        HasRefreshToken = tokens.RefreshToken is not null,
        TokenType = tokens.TokenType ?? "Bearer",
        DPoPKey = tokens.DPoPKey,
        LastRefreshed = tokens.LastRefreshed,
    };
}
