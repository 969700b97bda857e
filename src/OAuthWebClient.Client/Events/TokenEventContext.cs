namespace OAuthWebClient.Client.Events;

/// <summary>An event of one back-channel call to the token or revocation endpoint.</summary>
public abstract class TokenEventContext : OAuthEventContext
{
    /// <summary>Which request.</summary>
    public required TokenRequestKind Kind { get; init; }

    /// <summary>The provider whose server is called (<see cref="OAuthProvider.Name"/>, a configured name).</summary>
    public required string Provider { get; init; }

    /// <summary>The endpoint, without its query.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>For code redemption: the sign-in's correlation id (see <see cref="SignInEventContext.TransactionId"/>).</summary>
    public string? TransactionId { get; init; }

    /// <summary>For refresh and revocation: the session's fingerprint (see <see cref="SessionEventContext.SessionKey"/>).</summary>
    public string? SessionKey { get; init; }
}
