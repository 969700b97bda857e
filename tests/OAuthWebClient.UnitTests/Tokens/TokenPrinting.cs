using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>
/// A token set or user token printed — in a log line someone writes, a debugger, an assertion's message — shows what it
/// is about (issuer, scope, expiry, type) and whether each credential is there, never the credential itself.
/// </summary>
public sealed class TokenPrinting
{
    private static readonly TokenSet Tokens = new()
    {
        AccessToken = "access-token-value",
        RefreshToken = "refresh-token-value",
        IdToken = "id-token-value",
        DPoPKey = """{"kty":"EC","d":"private-part"}""",
        TokenType = "DPoP",
        ExpiresAt = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero),
        Scope = "openid photos.read",
        Issuer = "https://login.example/",
        Subject = "alice-subject",
        ProviderSessionId = "provider-session",
        User = new UserClaims { Name = "Alice Example" },
    };

    [Fact]
    public void A_token_set_prints_no_token_key_or_claim()
    {
        var printed = Tokens.ToString();

        Assert.Contains("Issuer = https://login.example/", printed, StringComparison.Ordinal);
        Assert.Contains("Scope = openid photos.read", printed, StringComparison.Ordinal);
        Assert.Contains("TokenType = DPoP", printed, StringComparison.Ordinal);
        Assert.Contains("RefreshToken = (redacted)", printed, StringComparison.Ordinal);
        foreach (var secret in new[] { "access-token-value", "refresh-token-value", "id-token-value", "private-part", "alice-subject", "provider-session", "Alice Example" })
        {
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_user_token_prints_no_token()
    {
        var printed = UserToken.From(Tokens).ToString();

        Assert.Contains("HasRefreshToken = true", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("access-token-value", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("id-token-value", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("private-part", printed, StringComparison.Ordinal);
    }
}
