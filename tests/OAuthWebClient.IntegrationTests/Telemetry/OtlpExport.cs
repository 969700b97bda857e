using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Telemetry;
using OAuthWebClient.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>OTLP export only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; <c>OTEL_SERVICE_NAME</c> names the service; no logs.</summary>
[Collection(TelemetryExportCollection.Name)]
public sealed class OtlpExport
{
    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_traces_and_metrics_are_exported_under_OTEL_SERVICE_NAME_without_queries_or_logs()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var secret = "state-" + Guid.NewGuid().ToString("N");
        await using (var hosts = Hosts(("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Origin.ToString()), ("OTEL_SERVICE_NAME", "otlp-test-client")))
        {
            Assert.Equal(HttpStatusCode.OK, (await hosts.NewBrowser().GetAsync(TestHosts.ClientOrigin + "?state=" + secret)).Status);
        }

        // Disposing the host flushes the exporters.
        Assert.Contains(receiver.Exports, e => e.Path == "/v1/traces" && e.Body.Contains("otlp-test-client", StringComparison.Ordinal));
        Assert.Contains(receiver.Exports, e => e.Path == "/v1/metrics" && e.Body.Contains("http.server.request.duration", StringComparison.Ordinal));
        Assert.DoesNotContain(receiver.Exports, e => e.Path == "/v1/logs");
        Assert.DoesNotContain(receiver.Exports, e => e.Body.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_OTEL_EXPORTER_OTLP_ENDPOINT_the_SDK_is_not_started()
    {
        using var diagnostics = new SdkDiagnostics();
        await using (var hosts = Hosts())
        {
            Assert.Equal(HttpStatusCode.OK, (await hosts.NewBrowser().GetAsync(TestHosts.ClientOrigin.ToString())).Status);
            Assert.Null(hosts.Client.Services.GetService<TracerProvider>());
            Assert.Null(hosts.Client.Services.GetService<MeterProvider>());
        }

        Assert.DoesNotContain(diagnostics.Messages, m => m.Contains("built successfully", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_Telemetry_Enabled_and_no_endpoint_the_SDK_runs_with_its_redaction_and_no_exporter()
    {
        using var diagnostics = new SdkDiagnostics();
        await using (var hosts = Hosts(("Telemetry__Enabled", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, (await hosts.NewBrowser().GetAsync(TestHosts.ClientOrigin.ToString())).Status);
        }

        // The SDK reported what it built the providers with, and no exporter was among it.
        var messages = diagnostics.Messages.ToList();
        Assert.Contains(messages, m => m.Contains("Processors added", StringComparison.Ordinal) && m.Contains(nameof(UrlQueryRedaction), StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("MeterProvider built successfully", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Otlp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, TelemetryExtensions.DefaultServiceName)]
    [InlineData("my-web-client", "my-web-client")]
    public async Task The_service_name_is_OTEL_SERVICE_NAME_when_set_and_OAuthWebClient_otherwise(string? configured, string expected)
    {
        await using var hosts = Hosts(configured is null ? [("Telemetry__Enabled", "true")] : [("Telemetry__Enabled", "true"), ("OTEL_SERVICE_NAME", configured)]);

        var resource = hosts.Client.Services.GetRequiredService<TracerProvider>().GetResource();

        Assert.Equal(expected, resource.Attributes.Single(a => a.Key == "service.name").Value);
    }

    /// <summary>The hosts, the client started with <paramref name="environment"/> as its process environment (over http/protobuf).</summary>
    private static TestHosts Hosts(params (string Name, string Value)[] environment)
    {
        // The exporters send over real sockets, not through the in-memory router the other back-channel clients use.
        var hosts = new TestHosts(configureClient: builder => builder.ConfigureTestServices(services =>
            services.ConfigureAll<OtlpExporterOptions>(options => options.HttpClientFactory = () => new HttpClient())));
        using (new EnvironmentVariables([("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), .. environment]))
        {
            _ = hosts.Client.Services;
        }

        return hosts;
    }
}
