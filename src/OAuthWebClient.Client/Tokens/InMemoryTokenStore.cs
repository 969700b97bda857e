using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// Tokens in this process's memory: the default for one instance. Entries expire with the session (slid on each read).
/// Every change of a session's tokens updates the back-channel logout index with it, under one lock; reads take no lock.
/// </summary>
internal sealed class InMemoryTokenStore(TimeProvider timeProvider, IOptions<OAuthClientOptions> options) : ITokenStore
{
    private readonly ConcurrentDictionary<string, (TokenSet Tokens, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly ProviderSessionIndex _index = new();
    private readonly Lock _lock = new();
    private long _nextSweep;

    public Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(sessionId, out var entry))
        {
            var now = timeProvider.GetUtcNow();
            if (entry.Expires > now)
            {
                // Only the expiry changes (same tokens), so the index stays right without the lock.
                _entries.TryUpdate(sessionId, (entry.Tokens, now + options.Value.SessionLifetime), entry);
                return Task.FromResult<TokenSet?>(entry.Tokens);
            }

            Forget(sessionId, entry);
        }

        return Task.FromResult<TokenSet?>(null);
    }

    public Task<bool> ReplaceAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(sessionId, out var old) || old.Expires <= now)
            {
                return Task.FromResult(false);
            }

            _index.Remove(sessionId, old.Tokens);
            _entries[sessionId] = (tokens, now + options.Value.SessionLifetime);
            _index.Add(sessionId, tokens);
        }

        return Task.FromResult(true);
    }

    public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(sessionId, out var old))
            {
                _index.Remove(sessionId, old.Tokens);
            }

            _entries[sessionId] = (tokens, now + options.Value.SessionLifetime);
            _index.Add(sessionId, tokens);
        }

        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerMinute, due) == due)
        {
            foreach (var expired in _entries.Where(e => e.Value.Expires <= now))
            {
                Forget(expired.Key, expired.Value);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryRemove(sessionId, out var old))
            {
                _index.Remove(sessionId, old.Tokens);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> RemoveByProviderSessionAsync(string issuer, string? providerSessionId, string? subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var now = timeProvider.GetUtcNow();
        var removed = 0;
        lock (_lock)
        {
            foreach (var sessionId in _index.Find(issuer, providerSessionId, subject))
            {
                // Under the lock a session's tokens cannot change; a concurrent read may only slide its expiry.
                if (_entries.TryGetValue(sessionId, out var entry) && ProviderSessionMatch.IsNamed(entry.Tokens, issuer, providerSessionId, subject)
                    && _entries.TryRemove(sessionId, out var current))
                {
                    _index.Remove(sessionId, entry.Tokens);
                    removed += current.Expires > now ? 1 : 0;
                }
            }
        }

        return Task.FromResult(removed);
    }

    /// <summary>Drops an entry (expired) unless it changed meanwhile, with its index entries.</summary>
    private void Forget(string sessionId, (TokenSet Tokens, DateTimeOffset Expires) entry)
    {
        lock (_lock)
        {
            if (_entries.TryRemove(KeyValuePair.Create(sessionId, entry)))
            {
                _index.Remove(sessionId, entry.Tokens);
            }
        }
    }
}
