namespace OAuthWebClient.Client;

/// <summary>Why a sign-in failed, in the order the checks run.</summary>
public enum SignInFailureReason
{
    /// <summary>The authorization server's metadata, or its token endpoint, cannot be reached or used right now.</summary>
    ServerUnavailable,

    /// <summary>The authorization response is malformed: a repeated parameter, no state, or neither a code nor an error (RFC 6749 §4.1.2).</summary>
    MalformedResponse,

    /// <summary>No sign-in in progress in this browser matches the state: already used, started elsewhere, or cookies blocked.</summary>
    TransactionMissing,

    /// <summary>The sign-in is older than <see cref="OAuthClientOptions.TransactionLifetime"/>.</summary>
    TransactionExpired,

    /// <summary>The transaction cookie could not be decrypted (altered, or from other keys).</summary>
    TransactionUnreadable,

    /// <summary>The transaction holds a different state (RFC 6749 §10.12: possible cross-site request forgery).</summary>
    StateMismatch,

    /// <summary>This response was already used (RFC 9700 §4.7: the state is single use).</summary>
    ResponseReplayed,

    /// <summary>The sign-in was started for another authorization server than the one configured now (RFC 9700 §4.4).</summary>
    IssuerChanged,

    /// <summary>The response's <c>iss</c> names another server than the one the request went to (RFC 9207 §2.4: mix-up).</summary>
    IssuerMismatch,

    /// <summary>No <c>iss</c>, although the server advertises it (RFC 9207 §3).</summary>
    IssuerMissing,

    /// <summary>The person did not allow access (<c>access_denied</c>, RFC 6749 §4.1.2.1).</summary>
    AccessDenied,

    /// <summary>The authorization server answered with another error (RFC 6749 §4.1.2.1); see <see cref="SignInFailure.Error"/>.</summary>
    AuthorizationError,

    /// <summary>The token endpoint refused the code (RFC 6749 §5.2); see <see cref="SignInFailure.Error"/>.</summary>
    TokenRequestRejected,

    /// <summary>The token endpoint's answer is not a valid token response (not JSON, wrong types, a redirect, too large).</summary>
    InvalidTokenResponse,

    /// <summary>The ID token failed validation (OIDC Core §3.1.3.7), or <c>openid</c> was granted without one (§3.1.3.3).</summary>
    InvalidIdToken,

    /// <summary>No provider by that name, or none named while several are configured (see <see cref="IOAuthProviders"/>).</summary>
    UnknownProvider,

    /// <summary>
    /// The response came back at another provider's redirect URI than the one the sign-in was started with
    /// (RFC 9700 §4.4.2: distinct redirect URIs are the mix-up defence for servers that send no <c>iss</c>).
    /// </summary>
    ProviderMismatch,

    /// <summary>The UserInfo endpoint answered for another subject than the ID token's (OIDC Core §5.3.2: possible token substitution).</summary>
    UserInfoSubjectMismatch,

    /// <summary>The UserInfo endpoint (OIDC Core §5.3) did not answer in time, or its answer could not be used (an error status, not JSON, a signed JWT).</summary>
    UserInfoFailed,

    /// <summary>
    /// The pushed authorization request (RFC 9126) failed: the server refused it or did not answer, or pushed requests are
    /// required and the server has no pushed_authorization_request_endpoint. Never silently sent on the front channel instead.
    /// </summary>
    PushedAuthorizationFailed,
}
