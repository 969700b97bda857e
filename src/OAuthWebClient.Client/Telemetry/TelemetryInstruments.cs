using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OAuthWebClient.Client.Telemetry;

/// <summary>The <see cref="OAuthClientTelemetry.Name"/> meter's instruments (OpenTelemetry naming: lowercase, dotted, seconds).</summary>
internal sealed class TelemetryInstruments
{
    /// <summary>The HTTP client duration buckets of the OpenTelemetry semantic conventions, in seconds.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public TelemetryInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(OAuthClientTelemetry.Name);
        SignIns = meter.CreateCounter<long>("oauth.client.sign_ins", "{sign_in}", "Sign-ins completed or failed, by provider, outcome and failure reason.");
        CallbackRejections = meter.CreateCounter<long>("oauth.client.callback.rejections", "{rejection}", "Authorization responses refused at the callback, by provider and reason.");
        Refreshes = meter.CreateCounter<long>("oauth.client.refreshes", "{refresh}", "Refreshes of a session's tokens, by outcome and failure reason.");
        RefreshLeaseWaits = meter.CreateCounter<long>("oauth.client.refresh_lease.waits", "{wait}", "Callers that waited for the refresh lease another instance held.");
        TokenEndpointDuration = meter.CreateHistogram<double>("oauth.client.token_endpoint.duration", "s", "How long the token endpoint took to answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public Counter<long> SignIns { get; }

    public Counter<long> CallbackRejections { get; }

    public Counter<long> Refreshes { get; }

    public Counter<long> RefreshLeaseWaits { get; }

    public Histogram<double> TokenEndpointDuration { get; }

    /// <summary>The client's spans; one source for the process, like ASP.NET Core's.</summary>
    public static ActivitySource Source { get; } = new(OAuthClientTelemetry.Name, typeof(TelemetryInstruments).Assembly.GetName().Version?.ToString());
}
