namespace OAuthWebClient.Client.Events;

/// <summary>An ID token was validated (OIDC Core §3.1.3.7 at sign-in, §12.2 at refresh): the verdict.</summary>
public sealed class IdTokenValidatedContext : TokenEventContext
{
    /// <summary>True when every check passed.</summary>
    public required bool IsValid { get; init; }

    /// <summary>Why it was refused; null when valid.</summary>
    public string? Error { get; init; }

    /// <summary>The validated <c>iss</c>; null when refused.</summary>
    public string? Issuer { get; init; }

    /// <summary>The validated <c>sub</c>; null when refused.</summary>
    public string? Subject { get; init; }
}
