using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// The OpenTelemetry SDK's own diagnostics (its <c>OpenTelemetry-Sdk</c> event source), which say what each provider
/// was built with: "Processors added = …", "Exporters added = …". Process-wide: only in collections that run alone.
/// </summary>
internal sealed class SdkDiagnostics : EventListener
{
    public ConcurrentQueue<string> Messages { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "OpenTelemetry-Sdk")
        {
            EnableEvents(eventSource, EventLevel.Verbose);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Messages?.Enqueue($"{eventData.EventName}: {string.Join(" | ", eventData.Payload ?? [])}");
    }
}
