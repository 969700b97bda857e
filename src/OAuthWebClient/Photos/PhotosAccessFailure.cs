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

    /// <summary>401 even with a freshly renewed token: the API does not accept this server's tokens.</summary>
    TokenRejected,
}
