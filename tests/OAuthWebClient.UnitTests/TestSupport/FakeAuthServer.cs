using System.Collections.Concurrent;
using System.Net;
using System.Text;
using OAuthWebClient.Testing;

namespace OAuthWebClient.UnitTests.TestSupport;

/// <summary>
/// An in-test authorization server: answers by path with scripted responses and counts what it was asked.
/// Unknown paths answer 404.
/// </summary>
internal sealed class FakeAuthServer : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _completed = new(StringComparer.Ordinal);

    public void On(string path, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _routes[path] = respond;

    public void On(string path, Func<RecordedRequest, HttpResponseMessage> respond) => On(path, (request, _) => Task.FromResult(respond(request)));

    /// <summary>Requests that reached the server for this path (counted on arrival).</summary>
    public int Count(string path) => _requests.Count(r => r.Path == path);

    /// <summary>Requests to this path the server has finished answering.</summary>
    public int Completed(string path) => _completed.GetValueOrDefault(path);

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. _requests.Where(r => r.Path == path)];

    /// <summary>Waits (bounded) until <paramref name="count"/> requests to the path have been answered; background fetches included.</summary>
    public async Task WaitForCompletedAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Completed(path) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> requests to the path have arrived.</summary>
    public async Task WaitForArrivalAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Count(path) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = RecordedRequest.From(request, body);
        _requests.Enqueue(recorded);
        try
        {
            return _routes.TryGetValue(recorded.Path, out var respond)
                ? await respond(recorded, cancellationToken)
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        finally
        {
            _completed.AddOrUpdate(recorded.Path, 1, (_, n) => n + 1);
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(HttpStatusCode status, string html) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };
}

/// <summary>Every named client talks to the same in-test handler.</summary>
internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
