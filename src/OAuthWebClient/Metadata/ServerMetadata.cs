using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Metadata;

/// <summary>The parts of the authorization server's metadata this client uses (RFC 8414 §2, OIDC Discovery §3).</summary>
public sealed class ServerMetadata(OpenIdConnectConfiguration configuration)
{
    public string Issuer => configuration.Issuer ?? "";

    public Uri AuthorizationEndpoint => Required(configuration.AuthorizationEndpoint, "authorization_endpoint");

    public Uri TokenEndpoint => Required(configuration.TokenEndpoint, "token_endpoint");

    public Uri? EndSessionEndpoint => Optional(configuration.EndSessionEndpoint);

    /// <summary>RFC 7009 §2 / RFC 8414 §2.</summary>
    public Uri? RevocationEndpoint => Optional(configuration.RevocationEndpoint);

    /// <summary>RFC 9207 §3: the server promises an <c>iss</c> parameter in every authorization response.</summary>
    public bool IssParameterSupported => configuration.AuthorizationResponseIssParameterSupported;

    public IEnumerable<SecurityKey> SigningKeys => configuration.SigningKeys;

    private static Uri Required(string? value, string name) =>
        Optional(value) ?? throw new InvalidOperationException($"The authorization server's metadata has no usable {name}.");

    private static Uri? Optional(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
