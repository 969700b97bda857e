using OAuthWebClient.Client;
using OAuthWebClient.Testing;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Logout;

/// <summary>
/// Every logout token Back-Channel Logout 1.0 §2.6 refuses is refused with a typed reason, and ends no session: a replay,
/// an ID token in disguise, a wrong event, a foreign issuer or audience, a bad signature, a lifetime out of bounds.
/// </summary>
public sealed class LogoutTokenRejection
{
    private static async Task<BackchannelLogoutResult> RefusedAsync(Func<BackchannelLogoutFixture, string> token, BackchannelLogoutFailure expected = BackchannelLogoutFailure.InvalidToken)
    {
        using var fixture = new BackchannelLogoutFixture();
        var session = await fixture.SignedInAsync("alice", "op-session-1");

        var result = await fixture.HandleAsync(token(fixture));

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Description));
        Assert.Equal(0, result.SessionsEnded);
        Assert.True(await fixture.IsSignedInAsync(session));
        return result;
    }

    private static Task<BackchannelLogoutResult> RefusedAsync(Action<Dictionary<string, object>> edit) =>
        RefusedAsync(fixture => fixture.Token("alice", "op-session-1", edit));

    [Fact]
    public async Task A_replayed_token_is_refused_the_second_time()
    {
        using var fixture = new BackchannelLogoutFixture();
        var token = fixture.Token("alice", "op-session-1");
        Assert.True((await fixture.HandleAsync(token)).Succeeded);
        var later = await fixture.SignedInAsync("alice", "op-session-1"); // the same provider session, signed in again

        var replayed = await fixture.HandleAsync(token);

        Assert.Equal(BackchannelLogoutFailure.Replayed, replayed.Failure);
        Assert.True(await fixture.IsSignedInAsync(later));
    }

    [Fact]
    public async Task A_token_with_a_nonce_is_refused_as_an_id_token_in_disguise()
    {
        var result = await RefusedAsync(claims => claims["nonce"] = "n-0S6_WzA2Mj");

        Assert.Contains("nonce", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_token_without_events_is_refused() => RefusedAsync(claims => claims.Remove("events"));

    [Fact]
    public Task A_token_with_another_event_is_refused() =>
        RefusedAsync(claims => claims["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/frontchannel-logout"] = new Dictionary<string, object>() });

    [Fact]
    public Task A_token_whose_logout_event_is_not_an_object_is_refused() =>
        RefusedAsync(claims => claims["events"] = new Dictionary<string, object> { [ScriptedAuthorizationServer.LogoutEvent] = "yes" });

    [Fact]
    public Task A_token_whose_events_is_not_an_object_is_refused() =>
        RefusedAsync(claims => claims["events"] = new[] { ScriptedAuthorizationServer.LogoutEvent });

    [Fact]
    public Task A_token_naming_neither_sid_nor_sub_is_refused() => RefusedAsync(fixture => fixture.Token(subject: null, sid: null));

    [Fact]
    public Task A_token_without_jti_is_refused() => RefusedAsync(claims => claims.Remove("jti"));

    [Fact]
    public Task A_token_from_another_issuer_is_refused() => RefusedAsync(claims => claims["iss"] = "https://evil.example/");

    [Fact]
    public Task A_token_for_another_client_is_refused() => RefusedAsync(claims => claims["aud"] = "another-client");

    [Fact]
    public Task A_token_signed_with_an_unpublished_key_is_refused() =>
        RefusedAsync(fixture => fixture.Server.SignLogoutToken(fixture.Server.LogoutTokenClaims("alice", "op-session-1"), key: TestKeys.NewRsa(fixture.Server.SigningKey.KeyId)));

    [Fact]
    public Task A_token_with_a_tampered_payload_is_refused() => RefusedAsync(fixture =>
    {
        var parts = fixture.Token("alice", "op-session-1").Split('.');
        var other = fixture.Token("alice", "op-session-2").Split('.');
        return parts[0] + "." + other[1] + "." + parts[2];
    });

    [Fact]
    public Task An_unsigned_token_is_refused() => RefusedAsync(fixture => ScriptedAuthorizationServer.UnsignedIdToken(fixture.Server.LogoutTokenClaims("alice", "op-session-1")));

    [Fact]
    public Task An_expired_token_is_refused() => RefusedAsync(fixture => fixture.Token("alice", "op-session-1", claims =>
        claims["exp"] = fixture.Time.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds())); // past the 5-minute skew

    [Fact]
    public Task A_token_issued_in_the_future_is_refused() => RefusedAsync(fixture => fixture.Token("alice", "op-session-1", claims =>
        claims["iat"] = fixture.Time.GetUtcNow().AddMinutes(6).ToUnixTimeSeconds()));

    [Fact]
    public Task A_token_issued_long_ago_is_refused() => RefusedAsync(fixture => fixture.Token("alice", "op-session-1", claims =>
    {
        claims["iat"] = fixture.Time.GetUtcNow().AddMinutes(-16).ToUnixTimeSeconds(); // past MaxIdTokenAge (10) + skew (5)
        claims.Remove("exp");
    }));

    [Fact]
    public Task A_token_without_iat_is_refused() => RefusedAsync(claims => claims.Remove("iat"));

    [Fact]
    public Task A_token_typed_as_another_kind_of_jwt_is_refused() =>
        RefusedAsync(fixture => fixture.Token("alice", "op-session-1", type: "at+jwt"));

    [Fact]
    public Task A_sid_of_the_wrong_type_is_refused_rather_than_read_as_absent() => RefusedAsync(claims => claims["sid"] = new[] { 1, 2 });

    [Fact]
    public Task An_empty_sub_is_refused_rather_than_read_as_absent() => RefusedAsync(claims => claims["sub"] = "");

    [Fact]
    public Task A_nonce_of_any_type_is_refused() => RefusedAsync(claims => claims["nonce"] = new Dictionary<string, object> { ["n"] = 1 });

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEyM30.AAAA")]
    public Task Garbage_is_refused(string token) => RefusedAsync(_ => token);

    [Fact]
    public async Task A_missing_token_is_refused()
    {
        using var fixture = new BackchannelLogoutFixture();

        Assert.Equal(BackchannelLogoutFailure.MissingToken, (await fixture.Service.HandleAsync(null, null)).Failure);
        Assert.Equal(BackchannelLogoutFailure.MissingToken, (await fixture.Service.HandleAsync(null, "")).Failure);
    }

    [Fact]
    public async Task A_provider_that_is_not_configured_is_refused()
    {
        using var fixture = new BackchannelLogoutFixture();

        var result = await fixture.HandleAsync(fixture.Token("alice", "op-session-1"), "nobody");

        Assert.Equal(BackchannelLogoutFailure.UnknownProvider, result.Failure);
    }

    [Fact]
    public async Task Without_the_providers_keys_the_token_cannot_be_checked_and_ends_nothing()
    {
        using var fixture = new BackchannelLogoutFixture();
        var session = await fixture.SignedInAsync("alice", "op-session-1");
        fixture.Server.MetadataUnavailable = true;

        var result = await fixture.HandleAsync(fixture.Token("alice", "op-session-1"));

        Assert.Equal(BackchannelLogoutFailure.ServerUnavailable, result.Failure);
        Assert.True(await fixture.IsSignedInAsync(session));
        Assert.True(fixture.Server.MetadataFetches >= 1);
    }
}
