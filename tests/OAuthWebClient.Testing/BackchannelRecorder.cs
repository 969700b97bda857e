using System.Collections.Concurrent;

namespace OAuthWebClient.Testing;

/// <summary>
/// A primary handler for the client's back-channel that passes each call on and keeps the response bodies — e.g.
/// the token responses, to know every token the server issued.
/// </summary>
public sealed class BackchannelRecorder(HttpMessageHandler inner, ConcurrentQueue<string> responseBodies) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        responseBodies.Enqueue(await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }
}
