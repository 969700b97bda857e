using System.Collections.Concurrent;

namespace OAuthWebClient.Client.Callback;

/// <summary>The replay cache for one instance. Entries are kept until the transaction could have expired.</summary>
internal sealed class InMemoryStateReplayCache(TimeProvider timeProvider) : IStateReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private long _nextSweep;

    public Task<bool> TryConsumeAsync(string stateFingerprint, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextSweep, now.UtcTicks + TimeSpan.TicksPerMinute, due) == due)
        {
            foreach (var expired in _used.Where(e => e.Value <= now))
            {
                _used.TryRemove(expired);
            }
        }

        return Task.FromResult(_used.TryAdd(stateFingerprint, until));
    }
}
