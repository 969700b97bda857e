namespace OAuthWebClient.Tokens;

/// <summary>A session's tokens, kept server-side only (RFC 9700 §4.14): the browser holds just the session id.</summary>
public sealed record TokenSet
{
    public required string AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public string? IdToken { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Space-separated scopes granted (RFC 6749 §5.1: the requested scope when the response omits it).</summary>
    public required string Scope { get; init; }

    public required string Issuer { get; init; }

    public string? Subject { get; init; }

    public DateTimeOffset? LastRefreshed { get; init; }

    public bool HasScope(string scope) => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);
}
