namespace OAuthWebClient.Client.Events;

/// <summary>Which back-channel request to the authorization server.</summary>
public enum TokenRequestKind
{
    /// <summary>Code redemption (RFC 6749 §4.1.3, with the PKCE verifier, RFC 7636 §4.5).</summary>
    AuthorizationCode,

    /// <summary>Refresh (RFC 6749 §6).</summary>
    RefreshToken,

    /// <summary>Revocation (RFC 7009 §2.1).</summary>
    Revocation,

    /// <summary>A pushed authorization request (RFC 9126 §2), before the browser is sent to the authorization endpoint.</summary>
    PushedAuthorization,
}
