using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// The parts of the authorization server's metadata this client uses (RFC 8414 §2, OIDC Discovery §3). The document
/// was checked by <see cref="MetadataRules"/> when it was loaded, so the required endpoints are always there.
/// </summary>
internal sealed class ServerMetadata(OpenIdConnectConfiguration configuration)
{
    public string Issuer => configuration.Issuer ?? "";

    public Uri AuthorizationEndpoint => MetadataRules.Parse(configuration.AuthorizationEndpoint)!;

    public Uri TokenEndpoint => MetadataRules.Parse(configuration.TokenEndpoint)!;

    public Uri? EndSessionEndpoint => MetadataRules.Parse(configuration.EndSessionEndpoint);

    /// <summary>RFC 7009 §2 / RFC 8414 §2.</summary>
    public Uri? RevocationEndpoint => MetadataRules.Parse(configuration.RevocationEndpoint);

    /// <summary>RFC 8414 §2 <c>revocation_endpoint_auth_methods_supported</c>; empty when the server does not say.</summary>
    public ICollection<string> RevocationEndpointAuthMethodsSupported => configuration.RevocationEndpointAuthMethodsSupported;

    /// <summary>OIDC Core §5.3 / OIDC Discovery §3 <c>userinfo_endpoint</c>.</summary>
    public Uri? UserInfoEndpoint => MetadataRules.Parse(configuration.UserInfoEndpoint);

    /// <summary>RFC 9207 §3: the server promises an <c>iss</c> parameter in every authorization response.</summary>
    public bool IssParameterSupported => configuration.AuthorizationResponseIssParameterSupported;

    /// <summary>RFC 8414 §2 <c>code_challenge_methods_supported</c>; empty when the server does not say.</summary>
    public ICollection<string> CodeChallengeMethodsSupported => configuration.CodeChallengeMethodsSupported;

    /// <summary>RFC 9126 §5 <c>pushed_authorization_request_endpoint</c>.</summary>
    public Uri? PushedAuthorizationRequestEndpoint => MetadataRules.Parse(configuration.PushedAuthorizationRequestEndpoint);

    /// <summary>RFC 9126 §5 <c>require_pushed_authorization_requests</c>: the server accepts only pushed requests.</summary>
    public bool RequirePushedAuthorizationRequests => configuration.RequirePushedAuthorizationRequests;

    public IEnumerable<SecurityKey> SigningKeys => configuration.SigningKeys;
}
