using System.Buffers.Text;
using System.Security.Cryptography;

namespace OAuthWebClient.Client;

/// <summary>Unguessable values from the operating system's CSPRNG, base64url-encoded without padding.</summary>
internal static class RandomValue
{
    /// <summary>256 bits: state, nonce, session ids (RFC 9700 §4.7.1 asks for enough entropy to defeat guessing).</summary>
    public static string Create(int bytes = 32) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A short, non-reversible fingerprint of a secret, for cookie names, cache keys and logs.</summary>
    public static string Fingerprint(string secret, int chars = 16) =>
        Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)))[..chars];
}
