namespace OAuthWebClient.Client.Events;

/// <summary>A session was signed out: the cookie ended, the tokens revoked and forgotten.</summary>
public sealed class SignedOutContext : SessionEventContext
{
    /// <summary>True when the browser goes on to the server's end_session_endpoint (RP-Initiated Logout 1.0).</summary>
    public required bool EndsServerSession { get; init; }
}
