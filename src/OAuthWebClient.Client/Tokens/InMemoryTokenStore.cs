using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Tokens;

/// <summary>Tokens in this process's memory: the default for one instance. Entries expire with the session (slid on each read).</summary>
internal sealed class InMemoryTokenStore(TimeProvider timeProvider, IOptions<OAuthClientOptions> options) : ITokenStore
{
    private readonly ConcurrentDictionary<string, (TokenSet Tokens, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private long _nextSweep;

    public Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(sessionId, out var entry))
        {
            var now = timeProvider.GetUtcNow();
            if (entry.Expires > now)
            {
                _entries.TryUpdate(sessionId, (entry.Tokens, now + options.Value.SessionLifetime), entry);
                return Task.FromResult<TokenSet?>(entry.Tokens);
            }

            _entries.TryRemove(KeyValuePair.Create(sessionId, entry));
        }

        return Task.FromResult<TokenSet?>(null);
    }

    public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        _entries[sessionId] = (tokens, now + options.Value.SessionLifetime);
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerMinute, due) == due)
        {
            foreach (var expired in _entries.Where(e => e.Value.Expires <= now))
            {
                _entries.TryRemove(expired);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(sessionId, out _);
        return Task.CompletedTask;
    }
}
