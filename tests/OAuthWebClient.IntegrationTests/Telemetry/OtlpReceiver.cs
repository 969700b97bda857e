using System.Collections.Concurrent;
using System.Net;
using System.Text;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector on a loopback port that answers 200 and keeps each request's path and body.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private OtlpReceiver(LoopbackServer server)
    {
        _server = server;
        server.Handler = new Recorder(this);
    }

    public Uri Origin => _server.Origins[0];

    /// <summary>Path and body (protobuf: its strings are UTF-8 inside) of each export.</summary>
    public ConcurrentQueue<(string Path, string Body)> Exports { get; } = new();

    public static async Task<OtlpReceiver> StartAsync() => new(await LoopbackServer.StartAsync());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class Recorder(OtlpReceiver receiver) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            receiver.Exports.Enqueue((request.RequestUri!.AbsolutePath, body));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
