using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OAuthWebClient.Client.Redis;

/// <summary>
/// Encrypts a <see cref="TokenSet"/> for storage outside this process (RFC 9700 §4.14: tokens at rest are
/// protected), with Data Protection under its own purpose: a Redis dump shows no token. The JSON is Brotli-
/// compressed first (a session then takes about 2 KB instead of 3): safe here, because no attacker can both put
/// text next to the tokens and watch the stored size change (the condition for CRIME-style attacks).
/// </summary>
internal sealed class TokenSetProtector(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("OAuthWebClient.Tokens.TokenSet.v2");

    public byte[] Protect(TokenSet tokens)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(brotli, tokens);
        }

        return _protector.Protect(compressed.ToArray());
    }

    /// <summary>Null when the data does not decrypt (keys lost or rotated out) or is not a token set.</summary>
    public TokenSet? Unprotect(byte[] data)
    {
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(_protector.Unprotect(data)), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<TokenSet>(brotli);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
