namespace OAuthWebClient.Client.Events;

/// <summary>A refresh brought no new tokens.</summary>
public sealed class RefreshFailedContext : SessionEventContext
{
    /// <summary>
    /// What it means for the session: <see cref="UserTokenFailure.ReauthenticationRequired"/> (the tokens are gone) or
    /// <see cref="UserTokenFailure.TemporarilyUnavailable"/> (kept; tried again later). Null when the old access token is
    /// still valid and stays in use.
    /// </summary>
    public UserTokenFailure? Outcome { get; init; }

    /// <summary>Why, as a stable name (for metrics and traces); <see cref="Reason"/> says it in words.</summary>
    public required RefreshFailureReason Failure { get; init; }

    /// <summary>The server's OAuth error, if it sent one (e.g. <c>invalid_grant</c>).</summary>
    public ProtocolError? Error { get; init; }

    /// <summary>A plain reason.</summary>
    public required string Reason { get; init; }
}
