using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// The authorization server's metadata (endpoints and signing keys), from its metadata document through
/// Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/> — cached, refreshed every 12 hours, and
/// re-fetched and awaited on demand (an unknown <c>kid</c>) at most once per 5 minutes — or from endpoints set by hand.
/// Until the first fetch succeeds, a failure is retried with backoff (1 s doubling to 30 s) instead of being
/// remembered for the manager's refresh interval.
/// </summary>
internal sealed class ServerMetadataProvider : IAuthorizationServerStatus
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>A forced re-fetch (unknown <c>kid</c>) happens at most this often, so random kids cannot hammer the server.</summary>
    internal static readonly TimeSpan MinForcedRefreshInterval = TimeSpan.FromMinutes(5);
    private readonly string _address;
    private readonly IConfigurationRetriever<OpenIdConnectConfiguration> _retriever;
    private readonly BackchannelDocumentRetriever _documents;
    private readonly TimeProvider _timeProvider;
    private readonly ServerClock _clock;
    private readonly Lock _lock = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private bool _succeeded;
    private int _failures;
    private DateTimeOffset _nextAttempt;
    private DateTimeOffset? _lastForcedRefresh;
    private Task<ServerMetadata>? _forcedRefresh;
    private readonly TaskCompletionSource<ServerMetadata> _firstLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<Task<AuthorizationServerDescription>> _firstDescribed;

    public ServerMetadataProvider([FromKeyedServices] IOptions<OAuthClientOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ServerClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _documents = new BackchannelDocumentRetriever(httpClientFactory, settings.EffectiveRequireHttpsMetadata, settings.BackchannelTimeout, clock);
        (_address, _retriever) = settings.HasManualEndpoints
            ? (settings.Endpoints.AuthorizationEndpoint!.AbsoluteUri, (IConfigurationRetriever<OpenIdConnectConfiguration>)new ManualMetadataRetriever(settings))
            : (MetadataAddress(settings).AbsoluteUri, new DiscoveryRetriever(settings));
        _timeProvider = timeProvider;
        _clock = clock;
        _manager = Create();
        _firstDescribed = new(DescribeFirstAsync);
    }

    /// <summary>
    /// Reads the metadata (and keys) afresh now, without touching the cached copy: the health check's question "could
    /// a sign-in start now?". Null when it could, otherwise the plain reason.
    /// </summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _retriever.GetConfigurationAsync(_address, _documents, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return e is InvalidOperationException ? e.Message : "The metadata document could not be read: " + e.GetType().Name + ".";
        }
    }

    /// <summary>Completes when metadata was first loaded (for observers such as the start-up self-check); never fails.</summary>
    public Task<ServerMetadata> FirstLoaded => _firstLoaded.Task;

    /// <summary>One task for every caller, so observers can compare it with what <c>Task.WhenAny</c> returns.</summary>
    Task<AuthorizationServerDescription> IAuthorizationServerStatus.FirstLoaded => _firstDescribed.Value;

    public async Task<AuthorizationServerDescription?> DescribeAsync(CancellationToken cancellationToken = default) =>
        await TryGetAsync(cancellationToken) is { } server ? Describe(server) : null;

    public TimeSpan? ClockOffset => _clock.Offset;

    /// <summary>The current metadata, or null when it cannot be had (callers that carry on without it: revocation, logout).</summary>
    public async Task<ServerMetadata?> TryGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<AuthorizationServerDescription> DescribeFirstAsync() => Describe(await FirstLoaded);

    private static AuthorizationServerDescription Describe(ServerMetadata server) =>
        new()
        {
            Issuer = server.Issuer,
            CodeChallengeMethodsSupported = [.. server.CodeChallengeMethodsSupported],
            IssParameterSupported = server.IssParameterSupported,
            SupportsRevocation = server.RevocationEndpoint is not null,
            SupportsEndSession = server.EndSessionEndpoint is not null,
        };

    /// <summary>The current metadata. Throws <see cref="InvalidOperationException"/> when it cannot be had.</summary>
    public async Task<ServerMetadata> GetAsync(CancellationToken cancellationToken)
    {
        var manager = _manager;
        try
        {
            var configuration = await manager.GetConfigurationAsync(cancellationToken);
            return Loaded(configuration);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StartOverLater(manager);
            throw e as InvalidOperationException ?? new InvalidOperationException("The authorization server's metadata could not be read.", e);
        }
    }

    /// <summary>
    /// Fetches the metadata and keys again now and waits for them — OIDC Core §10.1.1: a signing key the client
    /// does not know may have just been published. At most once per <see cref="MinForcedRefreshInterval"/>;
    /// concurrent callers share one fetch; otherwise the cached metadata is returned.
    /// </summary>
    public Task<ServerMetadata> RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_forcedRefresh is { IsCompleted: false } running)
            {
                return running;
            }

            var now = _timeProvider.GetUtcNow();
            if (_lastForcedRefresh is { } last && now - last < MinForcedRefreshInterval)
            {
                return GetAsync(cancellationToken);
            }

            _lastForcedRefresh = now;
            return _forcedRefresh = FetchFreshAsync();
        }
    }

    /// <summary>A new manager fetches at once (IdentityModel's RequestRefresh only refreshes in the background).</summary>
    private async Task<ServerMetadata> FetchFreshAsync()
    {
        var fresh = Create();
        var configuration = await fresh.GetConfigurationAsync(CancellationToken.None);
        lock (_lock)
        {
            _manager = fresh;
        }

        return Loaded(configuration);
    }

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
            _manager = Create();
        }
    }

    private ServerMetadata Loaded(OpenIdConnectConfiguration configuration)
    {
        var metadata = new ServerMetadata(configuration);
        _succeeded = true;
        _firstLoaded.TrySetResult(metadata);
        return metadata;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Create() => new(_address, _retriever, _documents);

    internal static Uri MetadataAddress(OAuthClientOptions options) =>
        options.MetadataAddress ?? new Uri(options.Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
}
