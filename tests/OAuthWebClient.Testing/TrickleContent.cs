using System.Net;

namespace OAuthWebClient.Testing;

/// <summary>
/// A JSON body sent one byte at a time with a pause after each, as a server that sends its headers at once and then
/// trickles its body would. For real-socket tests of timeouts that must cover the body too.
/// </summary>
public sealed class TrickleContent : HttpContent
{
    private readonly byte[] _body;
    private readonly TimeSpan _delay;

    public TrickleContent(byte[] body, TimeSpan delay)
    {
        (_body, _delay) = (body, delay);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _body.Length; i++)
        {
            await stream.WriteAsync(_body.AsMemory(i, 1), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(_delay, cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
