namespace OAuthWebClient.Client;

/// <summary>Why a session has no usable access token, or why a resource server refused it.</summary>
public enum UserTokenFailure
{
    /// <summary>Not signed in, or no tokens for this session (signed out, expired): sign in.</summary>
    SessionMissing,

    /// <summary>The refresh token was refused (<c>invalid_grant</c>, RFC 6749 §5.2): the tokens are gone; sign in again.</summary>
    ReauthenticationRequired,

    /// <summary>The token expired and could not be renewed right now (the server is unreachable); the session is kept.</summary>
    TemporarilyUnavailable,

    /// <summary>The resource server answered 403 <c>insufficient_scope</c> (RFC 6750 §3.1): a new sign-in asking for more scope may help.</summary>
    InsufficientScope,

    /// <summary>
    /// The resource server answered 401 <c>invalid_token</c> (RFC 6750 §3.1) even after one refresh and retry: only a new
    /// sign-in can bring tokens it accepts.
    /// </summary>
    InvalidToken,

    /// <summary>The resource server answered 401 without <c>invalid_token</c>: it does not accept this server's tokens.</summary>
    TokenRejected,
}
