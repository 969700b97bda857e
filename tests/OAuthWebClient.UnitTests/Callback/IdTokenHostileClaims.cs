using System.Text.Json;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Callback;

/// <summary>
/// Values from the network that a JWT library or a claim check could choke on — numbers out of any range, claims of
/// the wrong JSON type — end in a typed rejection, never an exception (a 500 at the callback). And OIDC Core §3.1.3.7
/// step 10: an ID token issued long ago is refused at sign-in even while its exp is still in the future.
/// </summary>
public sealed class IdTokenHostileClaims
{
    [Theory]
    [InlineData("exp", "1e400")]
    [InlineData("exp", "-1e400")]
    [InlineData("exp", "99999999999999999999999")]
    [InlineData("exp", "1.5e300")]
    [InlineData("exp", "\"tomorrow\"")]
    [InlineData("exp", "[1, 2]")]
    [InlineData("iat", "1e400")]
    [InlineData("iat", "99999999999999999999999")]
    [InlineData("iat", "9223372036854775807")]
    [InlineData("iat", "-9223372036854775808")]
    [InlineData("iat", "{}")]
    [InlineData("nbf", "1e400")]
    [InlineData("nbf", "99999999999999999999999")]
    [InlineData("aud", "123")]
    [InlineData("aud", "{\"x\": 1}")]
    [InlineData("sub", "null")]
    [InlineData("nonce", "{}")]
    [InlineData("azp", "[]")]
    [InlineData("iss", "false")]
    public async Task A_claim_out_of_range_or_of_the_wrong_type_is_a_rejection_not_an_exception(string claim, string rawJson)
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        using var value = JsonDocument.Parse(rawJson);
        claims[claim] = value.RootElement.Clone();

        var result = await fixture.ValidateAsync(fixture.Rs256(claims));

        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task An_id_token_issued_long_ago_is_refused_at_sign_in_although_it_has_not_expired()
    {
        var fixture = new IdTokenFixture();
        var now = fixture.Time.GetUtcNow();
        var claims = fixture.Claims();
        claims["iat"] = now.AddMinutes(-20).ToUnixTimeSeconds(); // default OAuth:MaxIdTokenAge 10 min + 5 min skew
        claims["exp"] = now.AddHours(1).ToUnixTimeSeconds();

        var result = await fixture.ValidateAsync(fixture.Rs256(claims));

        Assert.False(result.IsValid);
        Assert.Contains("too long ago", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_token_within_the_maximum_age_is_accepted()
    {
        var fixture = new IdTokenFixture();
        var now = fixture.Time.GetUtcNow();
        var claims = fixture.Claims();
        claims["iat"] = now.AddMinutes(-14).ToUnixTimeSeconds(); // inside 10 min + 5 min skew
        claims["exp"] = now.AddHours(1).ToUnixTimeSeconds();

        Assert.True((await fixture.ValidateAsync(fixture.Rs256(claims))).IsValid);
    }

    [Fact]
    public async Task The_maximum_age_follows_its_setting()
    {
        var fixture = new IdTokenFixture(options => options.MaxIdTokenAge = TimeSpan.FromMinutes(1));
        var now = fixture.Time.GetUtcNow();
        var claims = fixture.Claims();
        claims["iat"] = now.AddMinutes(-7).ToUnixTimeSeconds(); // older than 1 min + 5 min skew

        Assert.False((await fixture.ValidateAsync(fixture.Rs256(claims))).IsValid);
    }

    [Fact]
    public async Task A_refreshed_id_token_is_not_held_to_the_sign_in_age()
    {
        // OIDC Core §12.2: a refresh may return an ID token; some servers return the original one, with its old iat.
        var fixture = new IdTokenFixture();
        var now = fixture.Time.GetUtcNow();
        var claims = fixture.Claims(nonce: null);
        claims["iat"] = now.AddHours(-2).ToUnixTimeSeconds();
        claims["exp"] = now.AddHours(1).ToUnixTimeSeconds();

        Assert.True((await fixture.ValidateAsync(fixture.Rs256(claims), nonce: null)).IsValid);
    }
}
