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

    public Uri? RevocationEndpoint =>
        configuration.AdditionalData.TryGetValue(MetadataNames.RevocationEndpoint, out var value) ? Optional(value as string) : null;

    /// <summary>RFC 9207 §3: the server promises an <c>iss</c> parameter in every authorization response.</summary>
    public bool IssParameterSupported =>
        configuration.AdditionalData.TryGetValue(MetadataNames.IssParameterSupported, out var value) && value is true;

    public IEnumerable<SecurityKey> SigningKeys => configuration.SigningKeys;

    private static Uri Required(string? value, string name) =>
        Optional(value) ?? throw new InvalidOperationException($"The authorization server's metadata has no usable {name}.");

    private static Uri? Optional(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
