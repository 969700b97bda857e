using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Metadata;

/// <summary>
/// The authorization server's metadata (endpoints and signing keys), from its metadata document through
/// Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> — cached, refreshed every 12 hours, and
/// re-fetched on demand (an unknown <c>kid</c>) at most once per 5 minutes — or from endpoints set by hand.
/// Until the first fetch succeeds, a failure is retried with backoff (1 s doubling to 30 s) instead of being
/// remembered for the manager's refresh interval.
/// </summary>
public sealed class ServerMetadataProvider
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly Func<ConfigurationManager<OpenIdConnectConfiguration>> _create;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private bool _succeeded;
    private int _failures;
    private DateTimeOffset _nextAttempt;

    public ServerMetadataProvider(IOptions<OAuthClientOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var documents = new FactoryDocumentRetriever(httpClientFactory, settings.EffectiveRequireHttpsMetadata);
        _create = settings.HasManualEndpoints
            ? () => new(settings.Endpoints.AuthorizationEndpoint!.AbsoluteUri, new ManualMetadataRetriever(settings), documents)
            : () => new(MetadataAddress(settings).AbsoluteUri, new IssuerCheckingRetriever(settings.Authority!), documents);
        _timeProvider = timeProvider;
        _manager = _create();
    }

    /// <summary>The current metadata. Throws <see cref="InvalidOperationException"/> when it cannot be had.</summary>
    public async Task<ServerMetadata> GetAsync(CancellationToken cancellationToken)
    {
        var manager = _manager;
        try
        {
            var configuration = await manager.GetConfigurationAsync(cancellationToken);
            _succeeded = true;
            return new ServerMetadata(configuration);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StartOverLater(manager);
            throw e as InvalidOperationException ?? new InvalidOperationException("The authorization server's metadata could not be read.", e);
        }
    }

    /// <summary>Asks for a fresh fetch on the next <see cref="GetAsync"/> (rate-limited by the manager).</summary>
    public void RequestRefresh() => _manager.RequestRefresh();

    /// <summary>Before any success, replace the manager that failed once its backoff has passed.</summary>
    private void StartOverLater(ConfigurationManager<OpenIdConnectConfiguration> failed)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (_succeeded || !ReferenceEquals(failed, _manager) || now < _nextAttempt)
            {
                return;
            }

            _failures++;
            _nextAttempt = now + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, _failures - 1), MaxBackoff.TotalSeconds));
            _manager = _create();
        }
    }

    internal static Uri MetadataAddress(OAuthClientOptions options) =>
        options.MetadataAddress ?? new Uri(options.Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
}
