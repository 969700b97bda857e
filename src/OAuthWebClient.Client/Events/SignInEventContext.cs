namespace OAuthWebClient.Client.Events;

/// <summary>An event of one sign-in, from the authorization request to the session.</summary>
public abstract class SignInEventContext : OAuthEventContext
{
    /// <summary>
    /// The sign-in's correlation id: a short fingerprint of its state (never the state), the same in every event and log
    /// line of this sign-in. Null for a callback without a state.
    /// </summary>
    public required string? TransactionId { get; init; }

    /// <summary>The provider this sign-in is with (<see cref="OAuthProvider.Name"/>, a configured name).</summary>
    public required string Provider { get; init; }
}
