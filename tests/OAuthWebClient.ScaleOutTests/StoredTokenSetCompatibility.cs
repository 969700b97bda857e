using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OAuthWebClient.Client.Redis;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// Entries written before the mapped claims and the provider's session id were kept (no <c>User</c>, no
/// <c>ProviderSessionId</c>) still load after an upgrade.
/// </summary>
public sealed class StoredTokenSetCompatibility
{
    [Fact]
    public void An_entry_stored_without_claims_loads_with_no_user()
    {
        var keys = new EphemeralDataProtectionProvider();
        const string before = """{"AccessToken":"at","RefreshToken":"rt","IdToken":null,"ExpiresAt":"2031-03-14T09:00:00+00:00","Scope":"openid","Issuer":"https://as.example/","Subject":"alice","LastRefreshed":null}""";
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest))
        {
            brotli.Write(Encoding.UTF8.GetBytes(before));
        }

        var stored = keys.CreateProtector("OAuthWebClient.Tokens.TokenSet.v2").Protect(compressed.ToArray());
        var tokens = new TokenSetProtector(keys).Unprotect(stored);

        Assert.NotNull(tokens);
        Assert.Equal("rt", tokens.RefreshToken);
        Assert.Null(tokens.User);
        Assert.Null(tokens.ProviderSessionId); // a logout token naming its sub still ends it
    }
}
