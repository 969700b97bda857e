namespace Sandbox.AuthServer.Configuration;

/// <summary>A confidential client registered from configuration (<c>AuthServer:Clients:n</c>).</summary>
public sealed class ClientRegistration
{
    /// <summary>The client identifier (RFC 6749 §2.2). Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret (RFC 6749 §2.3.1); OpenIddict stores only a hash of it. Required.</summary>
    public string ClientSecret { get; set; } = "";

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
