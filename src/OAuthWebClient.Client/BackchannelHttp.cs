using System.Buffers;
using System.Net;

namespace OAuthWebClient.Client;

/// <summary>
/// Rules every call from this app to another server shares: redirects are never followed, and an answer is read
/// within a size and time bound. RFC 9700 §4.11, RFC 6749 §4.1.3: a 307/308 from a token endpoint would re-post the
/// code, the verifier and the secret to wherever it points; a redirect from an API would carry the access token away.
/// </summary>
public static class BackchannelHttp
{
    /// <summary>
    /// Turns off automatic redirects on the primary handler (SocketsHttpHandler, the factory's default). Behaviour on
    /// real sockets only: tests that swap the primary handler cannot see it (see the real-socket tests).
    /// </summary>
    public static IHttpClientBuilder WithoutRedirects(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    break;
            }
        });

    internal static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    /// <summary>Where a redirect pointed, for a log or a message: scheme, host and path — never its query (it may hold a code).</summary>
    internal static string Target(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return "(no Location)";
        }

        if (!location.IsAbsoluteUri && response.RequestMessage?.RequestUri is { } request)
        {
            location = new Uri(request, location);
        }

        return location.IsAbsoluteUri ? WithoutQuery(location) : "(a relative location)";
    }

    /// <summary>An address without query or fragment: what may be shown or logged of a URL.</summary>
    internal static string WithoutQuery(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path) : "(relative)";

    /// <summary>A token bound that cancels after <paramref name="timeout"/> of wall-clock time, for the whole exchange — body included.</summary>
    public static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        return deadline;
    }

    /// <summary>
    /// The body, or null when it is larger than <paramref name="maxBytes"/> (refused unread when Content-Length says so).
    /// The caller's token bounds the time: a server that trickles its body gets no longer than the deadline.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return declared is { } length
            ? await ReadSizedAsync(stream, (int)length, maxBytes, cancellationToken)
            : await ReadGrowingAsync(stream, maxBytes, cancellationToken);
    }

    /// <summary>Content-Length given: one buffer of that size, one byte more to detect a longer body.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadSizedAsync(Stream stream, int length, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[length + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > maxBytes ? null : buffer.AsMemory(0, total);
    }

    /// <summary>No Content-Length (chunked): grown as the body arrives, never the whole limit up front.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadGrowingAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    /// <summary>The status for a message: "HTTP 307".</summary>
    internal static string Status(HttpStatusCode status) => $"HTTP {(int)status}";
}
