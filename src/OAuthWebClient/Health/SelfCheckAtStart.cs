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
        var firstLoaded = metadata.FirstLoaded;
        if (await Task.WhenAny(firstLoaded, Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false) == firstLoaded)
        {
            Report(selfCheck.OfServer(await firstLoaded.ConfigureAwait(false)));
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
