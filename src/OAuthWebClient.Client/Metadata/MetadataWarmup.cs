using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.Client.Metadata;

/// <summary>
/// Reads the server's metadata once at start, retrying with backoff (1 s doubling to 30 s, 8 tries), so the
/// first sign-in does not wait for it and a server that starts after this app is picked up quickly.
/// </summary>
internal sealed class MetadataWarmup(ProviderNames names, ProviderServices providers, TimeProvider timeProvider, ILogger<MetadataWarmup> logger) : BackgroundService
{
    private const int MaxAttempts = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(names.All.Select(name => WarmAsync(providers.Get<ServerMetadataProvider>(name), stoppingToken)));

    private async Task WarmAsync(ServerMetadataProvider metadata, CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await metadata.GetAsync(stoppingToken);
                return;
            }
            catch (InvalidOperationException e)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), 30));
                Log.MetadataRetry(logger, attempt, delay, e.GetBaseException().Message);
                await Task.Delay(delay, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
