namespace OAuthWebClient.Client.Tokens;

/// <summary>A successful token response that passed <see cref="TokenResponseParser"/> (RFC 6749 §5.1).</summary>
internal sealed record TokenResponse
{
    public required string AccessToken { get; init; }

    public required string TokenType { get; init; }

    /// <summary>Null when the server sent no <c>expires_in</c>.</summary>
    public TimeSpan? ExpiresIn { get; init; }

    public string? RefreshToken { get; init; }

    public string? IdToken { get; init; }

    /// <summary>Null when the server sent no <c>scope</c> (meaning: as requested).</summary>
    public string? Scope { get; init; }
}
