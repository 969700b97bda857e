using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

public sealed class IdTokenAcceptance
{
    [Fact]
    public async Task Valid_RS256_token_passes_and_returns_the_identity()
    {
        var fixture = new IdTokenFixture();

        var result = await fixture.ValidateAsync(fixture.Rs256());

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(TestOptions.Issuer, result.Issuer);
        Assert.Equal("alice", result.Subject);
        Assert.Equal("Alice Example", result.Name);
        Assert.Null(result.Error);
        Assert.Null(result.SessionId);
    }

    [Fact]
    public async Task The_providers_session_id_is_kept_from_the_sid_claim()
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        claims["sid"] = "08a5019c-17e1-4977-8f42-65a12843ea02";

        var result = await fixture.ValidateAsync(fixture.Rs256(claims));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("08a5019c-17e1-4977-8f42-65a12843ea02", result.SessionId);
    }

    [Fact]
    public async Task Valid_ES256_token_passes()
    {
        var fixture = new IdTokenFixture();

        var result = await fixture.ValidateAsync(TestKeys.Sign(fixture.Claims(), IdTokenFixture.Ec, SecurityAlgorithms.EcdsaSha256));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("alice", result.Subject);
    }

    [Fact]
    public async Task Preferred_username_is_the_name_when_there_is_no_name_claim()
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        claims.Remove("name");
        claims["preferred_username"] = "alice@example";

        var result = await fixture.ValidateAsync(fixture.Rs256(claims));

        Assert.Equal("alice@example", result.Name);
    }

    [Fact]
    public async Task No_nonce_is_checked_when_none_is_expected()
    {
        var fixture = new IdTokenFixture();

        var result = await fixture.ValidateAsync(fixture.Rs256(fixture.Claims(nonce: null)), nonce: null);

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Expiry_within_the_clock_skew_is_accepted()
    {
        var fixture = new IdTokenFixture();
        var token = fixture.Rs256();

        fixture.Time.Advance(TimeSpan.FromMinutes(10) + fixture.Options.ClockSkew - TimeSpan.FromSeconds(30));

        var result = await fixture.ValidateAsync(token);
        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Issue_time_slightly_in_the_future_within_the_skew_is_accepted()
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        claims["iat"] = fixture.Time.GetUtcNow().AddMinutes(4).ToUnixTimeSeconds();

        Assert.True((await fixture.ValidateAsync(fixture.Rs256(claims))).IsValid);
    }

    [Fact]
    public async Task Two_audiences_with_this_client_as_authorized_party_are_accepted()
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        claims["aud"] = new[] { TestOptions.ClientId, "photos-api" };
        claims["azp"] = TestOptions.ClientId;

        var result = await fixture.ValidateAsync(fixture.Rs256(claims));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Single_audience_with_this_client_as_authorized_party_is_accepted()
    {
        var fixture = new IdTokenFixture();
        var claims = fixture.Claims();
        claims["azp"] = TestOptions.ClientId;

        Assert.True((await fixture.ValidateAsync(fixture.Rs256(claims))).IsValid);
    }
}
