using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Metadata;

/// <summary>
/// The authorization server's metadata (endpoints and signing keys), from its metadata document through
/// Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> — cached, refreshed every 12 hours, and
/// re-fetched on demand at most once per <see cref="ConfigurationManager{T}.RefreshInterval"/> (5 minutes) —
/// or from endpoints configured by hand.
/// </summary>
public sealed class ServerMetadataProvider
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;

    public ServerMetadataProvider(IOptions<OAuthClientOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var documents = new FactoryDocumentRetriever(httpClientFactory, settings.EffectiveRequireHttpsMetadata);
        _manager = settings.HasManualEndpoints
            ? new(settings.Endpoints.AuthorizationEndpoint!.AbsoluteUri, new ManualMetadataRetriever(settings), documents)
            : new(MetadataAddress(settings).AbsoluteUri, new IssuerCheckingRetriever(settings.Authority!), documents);
    }

    /// <summary>The current metadata. Throws when the server cannot be reached and nothing is cached.</summary>
    public async Task<ServerMetadata> GetAsync(CancellationToken cancellationToken) =>
        new(await _manager.GetConfigurationAsync(cancellationToken));

    /// <summary>Asks for a fresh fetch on the next <see cref="GetAsync"/> (rate-limited by the manager).</summary>
    public void RequestRefresh() => _manager.RequestRefresh();

    internal static Uri MetadataAddress(OAuthClientOptions options) =>
        options.MetadataAddress ?? new Uri(options.Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
}
