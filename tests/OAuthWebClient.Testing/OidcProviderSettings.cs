namespace OAuthWebClient.Testing;

/// <summary>
/// How <see cref="OidcProviderProcess"/> registers our client and the photos API's resource indicator (RFC 8707), and
/// which FAPI 2.0 features it switches on. Pushed authorization requests (RFC 9126, <c>/request</c>), DPoP (RFC 9449)
/// and back-channel logout are always available; the switches below make them required or configure them.
/// </summary>
public sealed record OidcProviderSettings
{
    public required string ClientId { get; init; }

    /// <summary>The client secret (client_secret_basic); not registered at all when <see cref="ClientJwks"/> is set.</summary>
    public required string ClientSecret { get; init; }

    public required Uri RedirectUri { get; init; }

    public required Uri PostLogoutRedirectUri { get; init; }

    /// <summary>The resource indicator whose access tokens are JWTs with this audience and the <c>photos</c> scope.</summary>
    public required string PhotosResource { get; init; }

    /// <summary>Access token lifetime. Default: one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The client's public keys, a JWK Set (<c>{"keys":[...]}</c>): the client then authenticates with
    /// <c>private_key_jwt</c> (RFC 7523 §2.2) and has no secret. <c>OP_CLIENT_JWKS</c>. Default: none.
    /// </summary>
    public string? ClientJwks { get; init; }

    /// <summary>Authorization requests only through PAR (RFC 9126 §5, §6). <c>OP_REQUIRE_PAR=1</c>. Default false.</summary>
    public bool RequirePushedAuthorizationRequests { get; init; }

    /// <summary>Access tokens only with a DPoP proof (client <c>dpop_bound_access_tokens</c>, RFC 9449 §5.2). <c>OP_DPOP_REQUIRED=1</c>. Default false.</summary>
    public bool RequireDPoP { get; init; }

    /// <summary>Every DPoP proof must carry a server nonce (RFC 9449 §8): <c>use_dpop_nonce</c> first. <c>OP_DPOP_NONCE=1</c>. Default false.</summary>
    public bool RequireDPoPNonce { get; init; }

    /// <summary>
    /// Where logout tokens are POSTed (OIDC Back-Channel Logout 1.0 §2.2), with <c>backchannel_logout_session_required</c>,
    /// so ID tokens carry <c>sid</c>. <c>OP_BACKCHANNEL_LOGOUT_URI</c>. Default: none.
    /// </summary>
    public Uri? BackchannelLogoutUri { get; init; }

    /// <summary>
    /// oidc-provider's FAPI 2.0 profile, plus what FAPI 2.0 asks of this client: PAR and DPoP required, PS256 ID and
    /// access tokens, and an assertion <c>aud</c> equal to the issuer. Needs <see cref="ClientJwks"/>. <c>OP_FAPI=1</c>. Default false.
    /// </summary>
    public bool Fapi2 { get; init; }
}
