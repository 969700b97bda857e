using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OAuthWebClient.Client.Login;

/// <summary>Proof Key for Code Exchange, RFC 7636, with the S256 method only (RFC 9700 §2.1.1).</summary>
internal static class Pkce
{
    public const string Method = "S256";

    /// <summary>
    /// RFC 7636 §4.1: 32 octets from a CSPRNG, base64url-encoded = 43 characters of [A-Za-z0-9-_],
    /// a subset of the unreserved set [A-Z a-z 0-9 - . _ ~].
    /// </summary>
    public static string CreateVerifier() => RandomValue.Create(32);

    /// <summary>RFC 7636 §4.2: code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier))).</summary>
    public static string ComputeChallenge(string verifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(verifier);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>RFC 7636 §4.1: 43 to 128 characters of the unreserved set.</summary>
    public static bool IsValidVerifier(string verifier) =>
        verifier.Length is >= 43 and <= 128 && verifier.All(IsUnreserved);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
