namespace OAuthWebClient.Client;

/// <summary>Why a back-channel logout request was refused (OpenID Connect Back-Channel Logout 1.0 §2.6), in the order the checks run.</summary>
public enum BackchannelLogoutFailure
{
    /// <summary>No provider is configured at this path.</summary>
    UnknownProvider,

    /// <summary>The request carries no <c>logout_token</c> (§2.5), or more than one.</summary>
    MissingToken,

    /// <summary>The provider's metadata or keys cannot be read now, so the token cannot be checked.</summary>
    ServerUnavailable,

    /// <summary>
    /// The token is not a valid logout token of this provider for this client: not a JWT, a bad signature or algorithm,
    /// another <c>iss</c> or <c>aud</c>, expired, <c>iat</c> missing, too old or in the future, no <c>jti</c>, a wrong
    /// <c>typ</c>, no logout <c>events</c> member, a <c>nonce</c> (an ID token in disguise, §4.1), or neither <c>sid</c> nor <c>sub</c>.
    /// </summary>
    InvalidToken,

    /// <summary>This token's <c>jti</c> was already used (§2.6 step 9: a replayed logout token).</summary>
    Replayed,
}
