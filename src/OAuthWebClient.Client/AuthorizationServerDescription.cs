namespace OAuthWebClient.Client;

/// <summary>The parts of the authorization server's metadata (RFC 8414 §2, OIDC Discovery §3) an operator may want to see.</summary>
public sealed record AuthorizationServerDescription
{
    /// <summary>The issuer identifier.</summary>
    public required string Issuer { get; init; }

    /// <summary><c>code_challenge_methods_supported</c>; empty when the server does not say.</summary>
    public required IReadOnlyCollection<string> CodeChallengeMethodsSupported { get; init; }

    /// <summary>RFC 9207 §3: the server promises <c>iss</c> in every authorization response.</summary>
    public required bool IssParameterSupported { get; init; }

    /// <summary>Whether the server has a revocation endpoint (RFC 7009).</summary>
    public required bool SupportsRevocation { get; init; }

    /// <summary>Whether the server has an end_session_endpoint (RP-Initiated Logout 1.0).</summary>
    public required bool SupportsEndSession { get; init; }
}
