using System.Collections.Concurrent;

namespace OAuthWebClient.Client.ProofOfPossession;

/// <summary>
/// The latest <c>DPoP-Nonce</c> each server gave (RFC 9449 §8 for authorization servers, §9 for resource servers), by
/// origin: the next proof to that server carries it. A nonce is not a secret; a wrong one only costs a retry.
/// </summary>
internal sealed class DPoPNonces
{
    private const int MaxOrigins = 1000;
    private readonly ConcurrentDictionary<string, string> _nonces = new(StringComparer.OrdinalIgnoreCase);

    public string? For(Uri url) => _nonces.TryGetValue(Origin(url), out var nonce) ? nonce : null;

    /// <summary>Remembers the nonce of a response, if it has one. True when it is new.</summary>
    public bool Remember(Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(DPoPProofFactory.NonceHeaderName, out var values) || values.FirstOrDefault() is not { Length: > 0 and <= 512 } nonce)
        {
            return false;
        }

        var origin = Origin(url);
        if (_nonces.Count >= MaxOrigins && !_nonces.ContainsKey(origin))
        {
            _nonces.Clear();
        }

        var previous = _nonces.TryGetValue(origin, out var old) ? old : null;
        _nonces[origin] = nonce;
        return previous != nonce;
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
