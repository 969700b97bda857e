namespace Sandbox.AuthServer.Configuration;

/// <summary>A confidential client registered from configuration (<c>AuthServer:Clients:n</c>).</summary>
public sealed class ClientRegistration
{
    /// <summary>The client identifier (RFC 6749 §2.2). Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// The client secret (RFC 6749 §2.3.1); OpenIddict stores only a hash of it. Required unless <see cref="Jwks"/> is set.
    /// </summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The client's public keys as an inline JWK Set (RFC 7517 §5), e.g. <c>{"keys":[{"kty":"EC",...}]}</c>: the client
    /// authenticates with <c>private_key_jwt</c> assertions signed by one of them (RFC 7523 §2.2, OIDC Core §9).
    /// Public RSA or EC keys only. Default: none (the client authenticates with <see cref="ClientSecret"/>).
    /// </summary>
    public string? Jwks { get; set; }

    /// <summary>
    /// Whether this client must push its authorization requests (RFC 9126 §6): a front-channel request without a
    /// <c>request_uri</c> from the pushed authorization endpoint is refused. Default false.
    /// </summary>
    public bool RequirePushedAuthorizationRequests { get; set; }

    /// <summary>The name shown on the consent page. Default: the client identifier.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Redirect URIs, compared exactly (RFC 6749 §3.1.2, RFC 9700 §4.1.3). At least one.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>Allowed <c>post_logout_redirect_uri</c> values (OIDC RP-Initiated Logout §3). Optional.</summary>
    public IList<string> PostLogoutRedirectUris { get; } = [];

    /// <summary>
    /// Where the sandbox POSTs a logout token when a session this client signed in to ends (OpenID Connect Back-Channel
    /// Logout 1.0 §2.2 <c>backchannel_logout_uri</c>): absolute, no fragment. Optional: without it (or empty) the client is not told.
    /// </summary>
    public string? BackchannelLogoutUri { get; set; }
}
