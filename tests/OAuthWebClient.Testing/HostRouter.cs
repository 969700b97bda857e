using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;

namespace OAuthWebClient.Testing;

/// <summary>
/// The in-memory "network": sends each request to the test server that owns its origin, and records every
/// request (method, path) so tests can count calls to the token endpoint.
/// </summary>
public sealed class HostRouter
{
    private readonly ConcurrentDictionary<string, Func<TestServer>> _servers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>
    /// A failure to inject (the only test double here): given a request, a response to return instead of the
    /// real server's, or null to pass it through. E.g. a token endpoint answering 503.
    /// </summary>
    public Func<RecordedRequest, HttpResponseMessage?>? Fault { get; set; }

    public void Add(Uri origin, Func<TestServer> server) => _servers[origin.GetLeftPart(UriPartial.Authority)] = server;

    public int Count(string method, string path) =>
        Requests.Count(r => r.Method == method && r.Uri.AbsolutePath == path);

    /// <summary>A fresh primary handler for an HttpClient (IHttpClientFactory disposes handlers it rotates).</summary>
    public HttpMessageHandler CreateHandler() => new RoutingHandler(this);

    internal TestServer Resolve(Uri uri) =>
        _servers.TryGetValue(uri.GetLeftPart(UriPartial.Authority), out var server)
            ? server()
            : throw new HttpRequestException($"No test server listens on {uri.GetLeftPart(UriPartial.Authority)} (connection refused).");

    private sealed class RoutingHandler(HostRouter router) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var recorded = RecordedRequest.From(request, body);
            router.Requests.Enqueue(recorded);
            if (router.Fault?.Invoke(recorded) is { } fault)
            {
                return fault;
            }

            using var invoker = new HttpMessageInvoker(router.Resolve(request.RequestUri!).CreateHandler(), disposeHandler: true);
            return await invoker.SendAsync(request, cancellationToken);
        }
    }
}
