namespace OAuthWebClient.Client;

/// <summary>
/// Endpoints configured by hand for an authorization server that publishes no metadata document.
/// <see cref="AuthorizationEndpoint"/> and <see cref="TokenEndpoint"/> go together; the rest are optional.
/// </summary>
public sealed class ManualEndpoints
{
    /// <summary>The issuer identifier, checked against the ID token's <c>iss</c> and the RFC 9207 <c>iss</c> parameter.</summary>
    public string? Issuer { get; set; }

    /// <summary>The authorization endpoint (RFC 6749 §3.1). Setting it means: fetch no metadata.</summary>
    public Uri? AuthorizationEndpoint { get; set; }

    /// <summary>The token endpoint (RFC 6749 §3.2).</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Required when <c>openid</c> is requested: the keys that sign ID tokens.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>The revocation endpoint (RFC 7009), if any.</summary>
    public Uri? RevocationEndpoint { get; set; }

    /// <summary>The pushed authorization request endpoint (RFC 9126 §5), if any.</summary>
    public Uri? PushedAuthorizationRequestEndpoint { get; set; }

    /// <summary>The end_session_endpoint (RP-Initiated Logout 1.0), if any.</summary>
    public Uri? EndSessionEndpoint { get; set; }
}
