using Microsoft.Extensions.Options;

namespace OAuthWebClient.FlowInspector;

/// <summary>Says at start whether the inspector is on, and warns when it is on outside Development.</summary>
public sealed class FlowInspectorAnnouncement(
    IOptions<FlowInspectorOptions> options,
    IHostEnvironment environment,
    ILogger<FlowInspectorAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsEnabled)
        {
            Log.Enabled(logger);
            if (!environment.IsDevelopment())
            {
                Log.EnabledOutsideDevelopment(logger, environment.EnvironmentName);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
