namespace OAuthWebClient.FlowInspector;

/// <summary>Reads a response body once, up to a limit, and puts an identical copy back for the real reader.</summary>
internal static class ResponseBody
{
    /// <summary>
    /// The body's bytes (at most <paramref name="limit"/> + 1, so the reader still sees an oversized answer as
    /// oversized), or null when the declared length already exceeds the limit (then the body is left untouched).
    /// </summary>
    public static async Task<byte[]?> BufferAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[limit + 1];
        var total = 0;
        await using (var stream = await original.ReadAsStreamAsync(cancellationToken))
        {
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
        }

        var copy = new ByteArrayContent(buffer, 0, total);
        foreach (var header in original.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        original.Dispose();
        return buffer[..total];
    }
}
