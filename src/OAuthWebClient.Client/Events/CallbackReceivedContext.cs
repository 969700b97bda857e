namespace OAuthWebClient.Client.Events;

/// <summary>
/// The authorization response reached the callback and its checks ran (RFC 6749 §4.1.2, RFC 9207, RFC 9700 §4.7):
/// each check with its verdict, and the failure when one refused the response.
/// </summary>
public sealed class CallbackReceivedContext : SignInEventContext
{
    /// <summary>The parameters received; <c>code</c> and <c>state</c> as secrets.</summary>
    public required IReadOnlyList<ProtocolParameter> Parameters { get; init; }

    /// <summary>The checks, in the order they ran; the last failed one (if any) is the reason for <see cref="Failure"/>.</summary>
    public required IReadOnlyList<CallbackCheck> Checks { get; init; }

    /// <summary>Why the response was refused before the token endpoint; null when the code goes on to be redeemed.</summary>
    public SignInFailure? Failure { get; init; }
}
