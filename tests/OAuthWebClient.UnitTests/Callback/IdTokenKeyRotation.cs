using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

/// <summary>
/// OIDC Core §10.1.1: an unknown kid makes the client fetch the JWKS again (once, rate-limited), so a key
/// rotation needs no restart. Tokens are minted both without <c>nbf</c> (as Google or Auth0 issue them) and with it.
/// </summary>
public sealed class IdTokenKeyRotation
{
    /// <summary>A validator that has fetched the JWKS once, after which the server rotates to a new key.</summary>
    private static async Task<IdTokenFixture> RotatedAsync()
    {
        var fixture = new IdTokenFixture();
        Assert.True((await fixture.ValidateAsync(fixture.Rs256())).IsValid);
        Assert.Equal(1, fixture.JwksFetches);
        fixture.PublishJwks(TestKeys.Jwks(TestKeys.RsaJwk(IdTokenFixture.Rsa), TestKeys.RsaJwk(IdTokenFixture.RotatedRsa)));
        return fixture;
    }

    private static string SignedWithRotatedKey(IdTokenFixture fixture, bool withNotBefore = false)
    {
        var claims = fixture.Claims();
        if (withNotBefore)
        {
            claims["nbf"] = fixture.Time.GetUtcNow().ToUnixTimeSeconds();
        }

        return TestKeys.Sign(claims, IdTokenFixture.RotatedRsa, SecurityAlgorithms.RsaSha256);
    }

    [Fact]
    public async Task Known_kid_does_not_fetch_the_jwks_again()
    {
        var fixture = await RotatedAsync();

        Assert.True((await fixture.ValidateAsync(fixture.Rs256())).IsValid);

        Assert.Equal(1, fixture.JwksFetches);
    }

    [Fact]
    public async Task Unknown_kid_is_reported_as_an_unpublished_key()
    {
        var fixture = await RotatedAsync();
        var stranger = TestKeys.Sign(fixture.Claims(), TestKeys.NewRsa("rsa-unknown"), SecurityAlgorithms.RsaSha256);

        var result = await fixture.ValidateAsync(stranger);

        Assert.False(result.IsValid);
        Assert.Equal("The ID token is signed with a key the server does not publish.", result.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Unknown_kid_fetches_the_jwks_again_exactly_once(bool withNotBefore)
    {
        var fixture = await RotatedAsync();

        await fixture.ValidateAsync(SignedWithRotatedKey(fixture, withNotBefore));
        await fixture.Server.WaitForCompletedAsync(TestOptions.JwksPath, 2);

        Assert.Equal(2, fixture.JwksFetches);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_signed_with_a_newly_published_key_is_accepted_on_first_sight(bool withNotBefore)
    {
        var fixture = await RotatedAsync();
        fixture.JwksLatency = TimeSpan.FromMilliseconds(200);

        var result = await fixture.ValidateAsync(SignedWithRotatedKey(fixture, withNotBefore));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("alice", result.Subject);
        Assert.Equal(2, fixture.JwksFetches);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Once_the_refetched_jwks_has_arrived_the_new_key_is_accepted(bool withNotBefore)
    {
        var fixture = await RotatedAsync();
        var token = SignedWithRotatedKey(fixture, withNotBefore);

        await fixture.ValidateAsync(token);
        await fixture.Server.WaitForCompletedAsync(TestOptions.JwksPath, 2);

        var result = await fixture.ValidateAsync(token);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(2, fixture.JwksFetches);
    }

    [Fact]
    public async Task A_second_unknown_kid_right_after_does_not_fetch_the_jwks_again()
    {
        var fixture = await RotatedAsync();
        await fixture.ValidateAsync(SignedWithRotatedKey(fixture, withNotBefore: true));
        await fixture.Server.WaitForCompletedAsync(TestOptions.JwksPath, 2);
        Assert.Equal(2, fixture.JwksFetches);
        var claims = fixture.Claims();
        claims["nbf"] = fixture.Time.GetUtcNow().ToUnixTimeSeconds();
        var stranger = TestKeys.Sign(claims, TestKeys.NewRsa("rsa-unknown"), SecurityAlgorithms.RsaSha256);

        var result = await fixture.ValidateAsync(stranger);
        // Give a background refresh, were one started, the chance to reach the server before counting.
        await Task.Delay(100);

        Assert.False(result.IsValid);
        Assert.Equal(2, fixture.JwksFetches);
    }
}
