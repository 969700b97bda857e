using OAuthWebClient.Client.Presets;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// Reads the metadata document (and its JWKS) and accepts it only when it names the configured authority as its
/// <c>issuer</c> — RFC 8414 §3.3, OIDC Discovery §4.3: otherwise one server could impersonate another — and has
/// the endpoints this client needs (<see cref="MetadataRules"/>). A document that fails is treated like an unreachable server.
/// </summary>
internal sealed class DiscoveryRetriever(OAuthClientOptions options) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        // The document first; its keys only once it passed the checks below (no key set from an address not allowed).
        var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        var authority = options.Authority!;
        if (!IssuerMatches(configuration.Issuer, authority) && !(options.AllowsTenantIssuer && TenantIssuer.MatchesAuthority(configuration.Issuer, authority)))
        {
            throw new InvalidOperationException(
                $"The metadata at {address} names the issuer \"{Shorten(configuration.Issuer)}\", but OAuth:Authority is \"{authority}\". " +
                "They must be the same (RFC 8414 §3.3).");
        }

        MetadataRules.ThrowIfUnusable(configuration, options, address);
        if (string.IsNullOrEmpty(configuration.EndSessionEndpoint) && options.FallbackEndSessionEndpoint is { } fallback)
        {
            configuration.EndSessionEndpoint = fallback.AbsoluteUri; // a preset's documented logout URL
        }
        await SigningKeys.LoadAsync(configuration, retriever, cancel);
        return configuration;
    }

    /// <summary>Exact match, except that one trailing slash on either side is ignored.</summary>
    internal static bool IssuerMatches(string? issuer, Uri authority) =>
        issuer is not null && string.Equals(issuer.TrimEnd('/'), authority.OriginalString.TrimEnd('/'), StringComparison.Ordinal);

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 200 ? value : value[..200] + "…";
}
