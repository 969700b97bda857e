namespace OAuthWebClient.Client.Events;

/// <summary>An event of a signed-in session (refresh, API call, revocation, sign-out).</summary>
public abstract class SessionEventContext : OAuthEventContext
{
    /// <summary>A short fingerprint of the session id (never the id), the same in the logs.</summary>
    public required string SessionKey { get; init; }
}
