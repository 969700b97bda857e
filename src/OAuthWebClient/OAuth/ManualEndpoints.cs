namespace OAuthWebClient.OAuth;

/// <summary>
/// Endpoints configured by hand for an authorization server that publishes no metadata document.
/// <see cref="AuthorizationEndpoint"/> and <see cref="TokenEndpoint"/> go together; the rest are optional.
/// </summary>
public sealed class ManualEndpoints
{
    /// <summary>The issuer identifier, checked against the ID token's <c>iss</c> and the RFC 9207 <c>iss</c> parameter.</summary>
    public string? Issuer { get; set; }

    public Uri? AuthorizationEndpoint { get; set; }

    public Uri? TokenEndpoint { get; set; }

    /// <summary>Required when <c>openid</c> is requested: the keys that sign ID tokens.</summary>
    public Uri? JwksUri { get; set; }

    public Uri? RevocationEndpoint { get; set; }

    public Uri? EndSessionEndpoint { get; set; }
}
