using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Metadata;

/// <summary>Reads the JWKS at <c>jwks_uri</c> into the configuration — only after the document passed <see cref="MetadataRules"/>.</summary>
internal static class SigningKeys
{
    public static async Task LoadAsync(OpenIdConnectConfiguration configuration, IDocumentRetriever retriever, CancellationToken cancel)
    {
        if (configuration.JwksUri is null)
        {
            return;
        }

        configuration.JsonWebKeySet = new JsonWebKeySet(await retriever.GetDocumentAsync(configuration.JwksUri, cancel));
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }
    }
}
