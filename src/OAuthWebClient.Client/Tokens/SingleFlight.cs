using System.Collections.Concurrent;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// At most one refresh per session in this process: concurrent callers for the same key share one task.
/// With rotating, single-use refresh tokens (RFC 9700 §4.14.2) a second refresh would fail and end the session.
/// </summary>
internal sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<T> RunAsync(string key, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var lazy = _inFlight.GetOrAdd(key, _ => new Lazy<Task<T>>(work));
        try
        {
            return await lazy.Value;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(key, lazy));
        }
    }
}
