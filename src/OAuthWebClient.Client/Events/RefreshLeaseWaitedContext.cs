namespace OAuthWebClient.Client.Events;

/// <summary>
/// A caller found the session's refresh lease held by another instance and waited (RFC 9700 §4.14.2: a rotated refresh
/// token is redeemed once, so only the holder refreshes). Raised when it stops waiting.
/// </summary>
public sealed class RefreshLeaseWaitedContext : SessionEventContext
{
    /// <summary>How long it waited (the client's <see cref="TimeProvider"/>).</summary>
    public required TimeSpan Waited { get; init; }

    /// <summary>True when the holder's new tokens were found, so this caller did not refresh itself.</summary>
    public required bool PeerRefreshed { get; init; }
}
