namespace OAuthWebClient.Tokens;

public enum AccessTokenStatus
{
    Ok,

    /// <summary>No tokens for this session id (signed out, expired, or never existed).</summary>
    SessionMissing,

    /// <summary>The refresh token was refused (<c>invalid_grant</c>): the tokens are gone; sign in again.</summary>
    ReauthenticationRequired,

    /// <summary>The access token expired and the server could not be reached to refresh it; the session is kept.</summary>
    TemporarilyUnavailable,
}
