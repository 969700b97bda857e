namespace OAuthWebClient.Photos;

/// <summary>Why the photos API could not be called for this session.</summary>
public enum PhotosAccessFailure
{
    /// <summary>No tokens for this session: sign in.</summary>
    SessionMissing,

    /// <summary>The refresh token was refused (<c>invalid_grant</c>): sign in again, once.</summary>
    ReauthenticationRequired,

    /// <summary>The token expired and could not be renewed right now; the session is kept.</summary>
    TemporarilyUnavailable,

    /// <summary>403 <c>insufficient_scope</c> (RFC 6750 §3.1).</summary>
    InsufficientScope,

    /// <summary>
    /// 401 <c>invalid_token</c> (RFC 6750 §3.1) that the one refresh-and-retry did not cure: the session's tokens are no
    /// good to the API, so the person signs in again — once (<see cref="ReauthenticationMarker"/>), then
    /// <see cref="TokenRejected"/>.
    /// </summary>
    InvalidToken,

    /// <summary>
    /// 401 that neither a refresh nor a new sign-in cures (no <c>invalid_token</c> to act on, or a second
    /// <see cref="InvalidToken"/> right after signing in again): the API does not accept this server's tokens.
    /// </summary>
    TokenRejected,
}
