namespace OAuthWebClient.Client.Tokens;

/// <summary>Outcome of <see cref="IdTokenValidator"/>: the identity it proves, or why it was refused.</summary>
internal sealed record IdTokenValidationResult
{
    public bool IsValid { get; private init; }

    public string? Issuer { get; private init; }

    public string? Subject { get; private init; }

    public string? Name { get; private init; }

    /// <summary>A plain reason for the person and the log; never contains the token.</summary>
    public string? Error { get; private init; }

    public static IdTokenValidationResult Valid(string issuer, string subject, string? name) =>
        new() { IsValid = true, Issuer = issuer, Subject = subject, Name = name };

    public static IdTokenValidationResult Invalid(string error) => new() { Error = error };
}
