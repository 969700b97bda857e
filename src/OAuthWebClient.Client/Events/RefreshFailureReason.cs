namespace OAuthWebClient.Client.Events;

/// <summary>Why a refresh brought no new tokens (see <see cref="RefreshFailedContext.Failure"/>).</summary>
public enum RefreshFailureReason
{
    /// <summary>The access token expired and the session has no refresh token.</summary>
    NoRefreshToken,

    /// <summary>The server refused the refresh token with <c>invalid_grant</c> (RFC 6749 §5.2: expired, revoked or reused).</summary>
    GrantRejected,

    /// <summary>The server answered with another OAuth error (RFC 6749 §5.2).</summary>
    Rejected,

    /// <summary>The answer is not a valid token response.</summary>
    Malformed,

    /// <summary>No answer from the token endpoint, or its metadata could not be loaded.</summary>
    Unreachable,

    /// <summary>The refreshed ID token is invalid or names another issuer or subject (OIDC Core §12.2).</summary>
    IdentityChanged,

    /// <summary>The session ended (signed out, back-channel logout) while its tokens were being refreshed.</summary>
    SessionEnded,
}
