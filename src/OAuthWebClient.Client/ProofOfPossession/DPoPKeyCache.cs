using System.Collections.Concurrent;

namespace OAuthWebClient.Client.ProofOfPossession;

/// <summary>
/// Sessions' DPoP keys as loaded key objects, by their stored JWK: importing a private EC key costs more than signing
/// with it, and every API call of a session signs with the same key. Bounded: cleared when full.
/// </summary>
internal sealed class DPoPKeyCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, DPoPKey> _keys = new(StringComparer.Ordinal);

    /// <summary>The key stored as <paramref name="json"/> (<see cref="TokenSet.DPoPKey"/>); null when it cannot be read.</summary>
    public DPoPKey? Get(string json)
    {
        if (_keys.TryGetValue(json, out var key))
        {
            return key;
        }

        key = DPoPKey.FromJson(json);
        if (key is not null)
        {
            if (_keys.Count >= Capacity)
            {
                _keys.Clear();
            }

            _keys[json] = key;
        }

        return key;
    }
}
