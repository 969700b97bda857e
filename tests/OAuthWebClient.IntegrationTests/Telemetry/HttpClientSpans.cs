using Microsoft.AspNetCore.TestHost;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// HttpClient's spans over real sockets (in memory the back-channel has no HttpClient spans): the sample's pipeline
/// records them, and <c>url.full</c> carries no query.
/// </summary>
[Collection(TelemetryExportCollection.Name)]
public sealed class HttpClientSpans
{
    [Fact]
    public async Task An_outgoing_request_is_traced_without_its_query()
    {
        var capture = new TelemetryCapture();
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var hosts = new TestHosts(configureClient: builder => capture.AddTo(builder));
        _ = hosts.Client.Services; // the client host, and its tracer provider, run
        var (state, nonce) = ("state-" + Guid.NewGuid().ToString("N"), "nonce-" + Guid.NewGuid().ToString("N"));

        using (var http = new HttpClient())
        {
            (await http.GetAsync(new Uri(receiver.Origin, $"/connect/authorize?state={state}&nonce={nonce}"))).EnsureSuccessStatusCode();
        }

        capture.Flush(hosts.Client.Services);
        var span = Assert.Single(capture.Spans, s => s.Source.Name == "System.Net.Http" && s.GetTagItem("server.port") is int port && port == receiver.Origin.Port);
        Assert.Equal(new Uri(receiver.Origin, "/connect/authorize").ToString(), span.GetTagItem("url.full"));
        Assert.DoesNotContain(capture.AllText(), t => t.Text.Contains(state, StringComparison.Ordinal) || t.Text.Contains(nonce, StringComparison.Ordinal));
    }
}
