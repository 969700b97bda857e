using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

/// <summary>OIDC Core §3.1.2.1 and §3.1.3.7 step 11: with max_age, auth_time is required and must be recent enough.</summary>
public sealed class IdTokenAuthTimeWithMaxAge
{
    private const int MaxAge = 300;

    private static async Task<IdTokenValidationResult> ValidateAsync(long? authTimeSecondsAgo, int? maxAge = MaxAge)
    {
        var fixture = new IdTokenFixture(o => o.ClockSkew = TimeSpan.FromMinutes(1));
        var claims = fixture.Claims();
        if (authTimeSecondsAgo is { } ago)
        {
            claims["auth_time"] = fixture.Time.GetUtcNow().ToUnixTimeSeconds() - ago;
        }

        return await fixture.Validator.ValidateAsync(fixture.Rs256(claims), "nonce-1", TestCalls.SignIn, CancellationToken.None, maxAge);
    }

    [Fact]
    public async Task A_recent_auth_time_is_accepted()
    {
        Assert.True((await ValidateAsync(authTimeSecondsAgo: 10)).IsValid);
    }

    [Fact]
    public async Task A_missing_auth_time_is_rejected_when_max_age_was_sent()
    {
        var result = await ValidateAsync(authTimeSecondsAgo: null);

        Assert.False(result.IsValid);
        Assert.Contains("no auth_time", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auth_time_older_than_max_age_plus_skew_is_rejected()
    {
        var result = await ValidateAsync(authTimeSecondsAgo: MaxAge + 60 + 1);

        Assert.False(result.IsValid);
        Assert.Contains("OAuth:MaxAge", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auth_time_exactly_max_age_plus_skew_ago_is_accepted()
    {
        Assert.True((await ValidateAsync(authTimeSecondsAgo: MaxAge + 60)).IsValid);
    }

    [Fact]
    public async Task Without_max_age_auth_time_is_neither_required_nor_checked()
    {
        Assert.True((await ValidateAsync(authTimeSecondsAgo: null, maxAge: null)).IsValid);
        Assert.True((await ValidateAsync(authTimeSecondsAgo: 100_000, maxAge: null)).IsValid);
    }

    [Fact]
    public async Task Other_claim_problems_are_still_reported_first()
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims(nonce: "other");

        var result = await fixture.Validator.ValidateAsync(fixture.Rs256(claims), "nonce-1", TestCalls.SignIn, CancellationToken.None, MaxAge);

        Assert.Contains("nonce", result.Error, StringComparison.Ordinal);
    }
}
