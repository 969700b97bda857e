using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Logout;

/// <summary>A valid logout token ends exactly the sessions it names (Back-Channel Logout 1.0 §2.7).</summary>
public sealed class LogoutTokenAcceptance
{
    [Fact]
    public async Task A_token_with_a_sid_ends_the_sessions_of_that_provider_session_only()
    {
        using var fixture = new BackchannelLogoutFixture();
        var laptop = await fixture.SignedInAsync("alice", "op-session-1");
        var phone = await fixture.SignedInAsync("alice", "op-session-2");

        var result = await fixture.HandleAsync(fixture.Token("alice", "op-session-1"));

        Assert.True(result.Succeeded, result.Description);
        Assert.Equal(1, result.SessionsEnded);
        Assert.False(await fixture.IsSignedInAsync(laptop));
        Assert.True(await fixture.IsSignedInAsync(phone));
    }

    [Fact]
    public async Task A_token_with_only_a_sub_ends_every_session_of_that_person_at_that_provider()
    {
        using var fixture = new BackchannelLogoutFixture();
        var laptop = await fixture.SignedInAsync("alice", "op-session-1");
        var phone = await fixture.SignedInAsync("alice", sid: null);
        var bob = await fixture.SignedInAsync("bob", "op-session-3");
        var elsewhere = await fixture.SignedInAsync("alice", "op-session-1", issuer: "https://other.example/");

        var result = await fixture.HandleAsync(fixture.Token("alice", sid: null));

        Assert.Equal(2, result.SessionsEnded);
        Assert.False(await fixture.IsSignedInAsync(laptop));
        Assert.False(await fixture.IsSignedInAsync(phone));
        Assert.True(await fixture.IsSignedInAsync(bob));
        Assert.True(await fixture.IsSignedInAsync(elsewhere));
    }

    [Fact]
    public async Task A_token_whose_sub_is_not_the_sessions_ends_nothing_but_is_no_error()
    {
        using var fixture = new BackchannelLogoutFixture();
        var alice = await fixture.SignedInAsync("alice", "op-session-1");

        var result = await fixture.HandleAsync(fixture.Token("mallory", "op-session-1"));

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.SessionsEnded);
        Assert.True(await fixture.IsSignedInAsync(alice));
    }

    [Theory]
    [InlineData("logout+jwt")]
    [InlineData("application/logout+jwt")]
    [InlineData("JWT")]
    [InlineData(null)]
    public async Task The_typ_header_may_be_logout_jwt_JWT_or_absent(string? type)
    {
        using var fixture = new BackchannelLogoutFixture();
        await fixture.SignedInAsync("alice", "op-session-1");

        var result = await fixture.HandleAsync(fixture.Token("alice", "op-session-1", type: type));

        Assert.Equal(1, result.SessionsEnded);
    }

    [Fact]
    public async Task A_token_without_exp_is_accepted_within_the_iat_window()
    {
        using var fixture = new BackchannelLogoutFixture();
        await fixture.SignedInAsync("alice", "op-session-1");

        var result = await fixture.HandleAsync(fixture.Token("alice", "op-session-1", claims => claims.Remove("exp")));

        Assert.Equal(1, result.SessionsEnded);
    }

    [Fact]
    public async Task Observers_are_told_the_verdict_and_the_count_and_no_log_holds_the_token()
    {
        using var fixture = new BackchannelLogoutFixture();
        await fixture.SignedInAsync("alice", "op-session-1");
        var token = fixture.Token("alice", "op-session-1");

        await fixture.HandleAsync(token);
        await fixture.HandleAsync(token);

        Assert.Collection(fixture.Events,
            ended => Assert.Equal((true, 1, "alice", true, (BackchannelLogoutFailure?)null), (ended.Succeeded, ended.SessionsEnded, ended.Subject, ended.NamesProviderSession, ended.Failure)),
            replayed => Assert.Equal((false, 0, BackchannelLogoutFailure.Replayed), (replayed.Succeeded, replayed.SessionsEnded, replayed.Failure!.Value)));
        Assert.All(fixture.Events, e => Assert.Equal(OAuthClientDefaults.DefaultProvider, e.Provider));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Name == "BackchannelLogoutSessionsEnded");
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Name == "BackchannelLogoutRefused");
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.AllText.Contains(signature, StringComparison.Ordinal) || e.AllText.Contains(token[..40], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_named_provider_is_reached_by_its_name_and_not_at_the_bare_path()
    {
        using var fixture = new BackchannelLogoutFixture(
            ("OAuth:Providers:east:Authority", ScriptedIssuer),
            ("OAuth:Providers:east:ClientId", Testing.ScriptedAuthorizationServer.ClientId),
            ("OAuth:Providers:east:ClientSecret", Testing.ScriptedAuthorizationServer.ClientSecret));
        await fixture.SignedInAsync("alice", "op-session-1");

        Assert.Equal(BackchannelLogoutFailure.UnknownProvider, (await fixture.HandleAsync(fixture.Token("alice", "op-session-1"))).Failure);
        Assert.Equal(BackchannelLogoutFailure.UnknownProvider, (await fixture.HandleAsync(fixture.Token("alice", "op-session-1"), "west")).Failure);
        Assert.Equal(1, (await fixture.HandleAsync(fixture.Token("alice", "op-session-1"), "EAST")).SessionsEnded);
    }

    private const string ScriptedIssuer = Testing.ScriptedAuthorizationServer.DefaultIssuer;
}
