using OAuthWebClient.Client;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OAuthWebClient.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "OAuthWebClient";

    /// <summary>Starts the OpenTelemetry SDK without an OTLP endpoint, for an exporter added in code.</summary>
    public const string EnabledKey = "Telemetry:Enabled";

    /// <summary>
    /// OpenTelemetry traces and metrics: the library's <see cref="OAuthClientTelemetry.Name"/> source and meter, ASP.NET Core
    /// and HttpClient instrumentation, every URL query removed (<see cref="UrlQueryRedaction"/>). Exported over OTLP only
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the OTLP exporter reads its other <c>OTEL_*</c> settings itself).
    /// Without it the SDK is not started at all — spans nobody exports would cost every request CPU — unless
    /// <c>Telemetry:Enabled</c> is true, for an exporter added in code. The library's
    /// source and meter stay, so <c>dotnet-counters</c> and <c>dotnet-trace</c> can still listen. Logs are not exported.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOAuthClient().AddTelemetry();

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (otlp || builder.Configuration.GetValue<bool>(EnabledKey))
        {
            AddOpenTelemetrySdk(builder, otlp);
        }

        return builder;
    }

    /// <summary>A method of its own, so that without export the SDK's assemblies are not even loaded.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetrySdk(IHostApplicationBuilder builder, bool otlp)
    {
        // AddService would otherwise override the OTEL_SERVICE_NAME the default resource detector read.
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : DefaultServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddProcessor<UrlQueryRedaction>()
                .AddSource(OAuthClientTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.RecordException = false)
                .AddHttpClientInstrumentation(options => options.RecordException = false)
                .AddOtlpExporterWhen(otlp))
            .WithMetrics(metrics => metrics
                .AddMeter(OAuthClientTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporterWhen(otlp));
    }

    // Per signal, not UseOtlpExporter(): that one also builds a logger provider and exports every log record (logs stay out).
    private static TracerProviderBuilder AddOtlpExporterWhen(this TracerProviderBuilder tracing, bool otlp) => otlp ? tracing.AddOtlpExporter() : tracing;

    private static MeterProviderBuilder AddOtlpExporterWhen(this MeterProviderBuilder metrics, bool otlp) => otlp ? metrics.AddOtlpExporter() : metrics;
}
