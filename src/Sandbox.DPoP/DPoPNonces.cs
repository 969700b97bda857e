using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.DPoP;

/// <summary>
/// Server-issued DPoP nonces (RFC 9449 §8, §9): an unpredictable value that changes every
/// <see cref="DPoPOptions.NonceLifetime"/>. The current one and the one before it are accepted.
/// </summary>
public sealed class DPoPNonces(DPoPOptions options, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private string _current = NewNonce();
    private string? _previous;
    private DateTimeOffset _issued = clock.GetUtcNow();

    /// <summary>The nonce to send in <c>DPoP-Nonce</c> now.</summary>
    public string Current
    {
        get
        {
            lock (_lock)
            {
                Rotate();
                return _current;
            }
        }
    }

    /// <summary>Whether <paramref name="nonce"/> is the current nonce (<see cref="NonceCheck.Current"/>), the previous one, or neither.</summary>
    public NonceCheck Check(string? nonce)
    {
        if (string.IsNullOrEmpty(nonce))
        {
            return NonceCheck.Unknown;
        }

        lock (_lock)
        {
            Rotate();
            if (string.Equals(nonce, _current, StringComparison.Ordinal))
            {
                return NonceCheck.Current;
            }

            return string.Equals(nonce, _previous, StringComparison.Ordinal) ? NonceCheck.Previous : NonceCheck.Unknown;
        }
    }

    private void Rotate()
    {
        var now = clock.GetUtcNow();
        if (now - _issued < options.NonceLifetime)
        {
            return;
        }

        // More than two lifetimes without a request: the old current nonce is too old to keep as the previous one.
        _previous = now - _issued < 2 * options.NonceLifetime ? _current : null;
        _current = NewNonce();
        _issued = now;
    }

    // §8.1: the nonce is an opaque NQCHAR string; 128 random bits, base64url.
    private static string NewNonce() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
}
