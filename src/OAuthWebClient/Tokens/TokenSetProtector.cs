using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OAuthWebClient.Tokens;

/// <summary>
/// Encrypts a <see cref="TokenSet"/> for storage outside this process (RFC 9700 §4.14: tokens at rest are
/// protected), with Data Protection under its own purpose: a Redis dump shows no token.
/// </summary>
public sealed class TokenSetProtector(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("OAuthWebClient.Tokens.TokenSet.v1");

    public byte[] Protect(TokenSet tokens) => _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(tokens));

    /// <summary>Null when the data does not decrypt (keys lost or rotated out) or is not a token set.</summary>
    public TokenSet? Unprotect(byte[] data)
    {
        try
        {
            return JsonSerializer.Deserialize<TokenSet>(_protector.Unprotect(data));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }
    }
}
