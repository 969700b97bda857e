using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OAuthWebClient.Metadata;

/// <summary>
/// Reads the metadata document (and its JWKS) and rejects it unless its <c>issuer</c> is the configured
/// authority — RFC 8414 §3.3, OIDC Discovery §4.3: otherwise one server could impersonate another.
/// </summary>
internal sealed class IssuerCheckingRetriever(Uri authority) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel);
        if (!IssuerMatches(configuration.Issuer, authority))
        {
            throw new InvalidOperationException(
                $"The metadata at {address} names the issuer \"{configuration.Issuer}\", but OAuth:Authority is \"{authority}\". " +
                "They must be the same (RFC 8414 §3.3).");
        }

        return configuration;
    }

    /// <summary>Exact match, except that one trailing slash on either side is ignored.</summary>
    internal static bool IssuerMatches(string? issuer, Uri authority) =>
        issuer is not null && string.Equals(issuer.TrimEnd('/'), authority.OriginalString.TrimEnd('/'), StringComparison.Ordinal);
}
