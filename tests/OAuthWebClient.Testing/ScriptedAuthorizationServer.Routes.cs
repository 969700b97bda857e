using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OAuthWebClient.Testing;

// Per-path scripting for tests that drive one endpoint at a time (the unit tests of the token endpoint client,
// metadata loading, revocation): a route answers ahead of the built-in behaviour, and every path is counted.
public sealed partial class ScriptedAuthorizationServer
{
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _completed = new(StringComparer.Ordinal);

    /// <summary>Answers requests to <paramref name="path"/> on the issuer's host with <paramref name="respond"/> instead of the built-in answer.</summary>
    public void On(string path, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _routes[path] = respond;

    /// <inheritdoc cref="On(string, Func{RecordedRequest, CancellationToken, Task{HttpResponseMessage}})"/>
    public void On(string path, Func<RecordedRequest, HttpResponseMessage> respond) => On(path, (request, _) => Task.FromResult(respond(request)));

    /// <summary>Requests that reached the server for this path (counted on arrival).</summary>
    public int Count(string path) => Requests.Count(r => r.Path == path);

    /// <summary>Requests to this path the server has finished answering.</summary>
    public int Completed(string path) => _completed.GetValueOrDefault(path);

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>Waits (bounded) until <paramref name="count"/> requests to the path have been answered; background fetches included.</summary>
    public Task WaitForCompletedAsync(string path, int count) => WaitUntilAsync(() => Completed(path) >= count);

    /// <summary>Waits (bounded) until <paramref name="count"/> requests to the path have arrived.</summary>
    public Task WaitForArrivalAsync(string path, int count) => WaitUntilAsync(() => Count(path) >= count);

    /// <summary>An <see cref="IHttpClientFactory"/> whose every named client talks to this server.</summary>
    public IHttpClientFactory CreateHttpClientFactory() => new ClientFactory(this);

    public static HttpResponseMessage Json(HttpStatusCode status, object members) => new(status)
    {
        Content = new StringContent(members as string ?? JsonSerializer.Serialize(members), Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Html(HttpStatusCode status, string html) => Text(status, html, "text/html");

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, mediaType),
    };

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    private void MarkCompleted(string path) => _completed.AddOrUpdate(path, 1, (_, n) => n + 1);

    private sealed class ClientFactory(ScriptedAuthorizationServer server) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(server.CreateHandler());
    }
}
