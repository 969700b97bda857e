namespace OAuthWebClient.Client.Tokens;

/// <summary>Outcome of <see cref="IdTokenValidator"/>: the identity it proves, or why it was refused.</summary>
internal sealed record IdTokenValidationResult
{
    public bool IsValid { get; private init; }

    public string? Issuer { get; private init; }

    public string? Subject { get; private init; }

    public string? Name { get; private init; }

    /// <summary>The provider's session id (<c>sid</c>), when the ID token names one (Back-Channel Logout 1.0 §2.4).</summary>
    public string? SessionId { get; private init; }

    /// <summary>A plain reason for the person and the log; never contains the token.</summary>
    public string? Error { get; private init; }

    public static IdTokenValidationResult Valid(string issuer, string subject, string? name, string? sessionId) =>
        new() { IsValid = true, Issuer = issuer, Subject = subject, Name = name, SessionId = sessionId };

    public static IdTokenValidationResult Invalid(string error) => new() { Error = error };
}
