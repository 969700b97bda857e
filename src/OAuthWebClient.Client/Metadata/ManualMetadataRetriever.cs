using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// Builds the server's metadata from endpoints configured by hand ("from the docs"), for a server that
/// publishes no metadata document. The JWKS is still fetched (and refreshed) from <c>JwksUri</c>.
/// </summary>
internal sealed class ManualMetadataRetriever(OAuthClientOptions options) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var endpoints = options.Endpoints;
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = endpoints.Issuer ?? options.Authority?.OriginalString,
            AuthorizationEndpoint = endpoints.AuthorizationEndpoint?.AbsoluteUri,
            TokenEndpoint = endpoints.TokenEndpoint?.AbsoluteUri,
            EndSessionEndpoint = endpoints.EndSessionEndpoint?.AbsoluteUri,
            PushedAuthorizationRequestEndpoint = endpoints.PushedAuthorizationRequestEndpoint?.AbsoluteUri,
            JwksUri = endpoints.JwksUri?.AbsoluteUri,
            RevocationEndpoint = endpoints.RevocationEndpoint?.AbsoluteUri,
        };

        // Checked before the JWKS is fetched: a key set is never read from an address that is not allowed.
        MetadataRules.ThrowIfUnusable(configuration, options, "OAuth:Endpoints");
        await SigningKeys.LoadAsync(configuration, retriever, cancel);
        return configuration;
    }
}
