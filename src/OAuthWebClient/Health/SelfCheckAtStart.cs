using OAuthWebClient.Client;

namespace OAuthWebClient.Health;

/// <summary>
/// Logs the self-check's warnings once: the configuration's at start, the server's when its metadata is first loaded.
/// </summary>
public sealed class SelfCheckAtStart(SelfCheck selfCheck, IAuthorizationServerStatus metadata, ILogger<SelfCheckAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Report(selfCheck.OfConfiguration());
        var loaded = await Task.WhenAny(metadata.FirstLoaded, Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false);
        if (loaded == metadata.FirstLoaded)
        {
            Report(selfCheck.OfServer(metadata.FirstLoaded.Result));
        }
    }

    private void Report(IEnumerable<SelfCheckFinding> findings)
    {
        foreach (var finding in findings)
        {
            Log.SelfCheckWarning(logger, finding.Check, finding.Message);
        }
    }
}
