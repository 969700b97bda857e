using System.Collections.Concurrent;

namespace Sandbox.DPoP;

/// <summary>
/// Remembers single-use JWT identifiers (<c>jti</c>) until the JWT could no longer be accepted anyway: DPoP proofs
/// (RFC 9449 §11.1) and client assertions (RFC 7523 §3 item 7). In memory and bounded; entries expire on their own.
/// </summary>
public sealed class JtiReplayCache(int capacity, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();

    /// <summary>
    /// Records <paramref name="jti"/> until <paramref name="expires"/>. False when it was already seen — or when the cache
    /// is full of unexpired entries: refusing a JWT is safer than forgetting one.
    /// </summary>
    public bool TryUse(string jti, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(jti);
        var now = clock.GetUtcNow();
        if (_seen.Count >= capacity)
        {
            RemoveExpired(now);
            if (_seen.Count >= capacity)
            {
                return false;
            }
        }

        if (_seen.TryAdd(jti, expires))
        {
            return true;
        }

        // Seen before; an expired entry not yet swept can be reused (its JWT would be refused as expired anyway).
        return _seen.TryGetValue(jti, out var until) && until <= now && _seen.TryUpdate(jti, expires, until);
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        lock (_sweep)
        {
            foreach (var entry in _seen.Where(entry => entry.Value <= now))
            {
                _seen.TryRemove(entry);
            }
        }
    }
}
