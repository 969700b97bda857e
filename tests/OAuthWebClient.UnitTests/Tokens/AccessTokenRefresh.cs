using OAuthWebClient.Testing;
using System.Net;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class AccessTokenRefresh
{
    private const string Refreshed = """{"access_token":"at-2","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-2"}""";

    [Fact]
    public async Task Token_far_from_expiry_is_returned_without_calling_the_server()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, Refreshed);
        await fixture.SeedAsync(TimeSpan.FromMinutes(30));

        var result = await fixture.GetAsync();

        Assert.Null(result.Failure);
        Assert.Equal("at-1", result.Token!.AccessToken);
        Assert.Equal(0, fixture.TokenCalls);
    }

    [Fact]
    public async Task Token_expiring_within_60_seconds_is_refreshed_and_the_new_refresh_token_stored()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, Refreshed);
        await fixture.SeedAsync(TimeSpan.FromSeconds(59));

        var result = await fixture.GetAsync();

        Assert.Null(result.Failure);
        Assert.Equal("at-2", result.Token!.AccessToken);
        Assert.Equal(1, fixture.TokenCalls);
        Assert.Equal("rt-1", fixture.Server.RequestsTo("/token")[0].Form["refresh_token"]);
        var stored = await fixture.StoredAsync();
        Assert.Equal("at-2", stored!.AccessToken);
        Assert.Equal("rt-2", stored.RefreshToken);
        Assert.Equal(fixture.Time.GetUtcNow().AddHours(1), stored.ExpiresAt);
        Assert.Equal(fixture.Time.GetUtcNow(), stored.LastRefreshed);
    }

    [Fact]
    public async Task Token_becomes_due_for_refresh_as_time_passes()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, Refreshed);
        await fixture.SeedAsync(TimeSpan.FromMinutes(5));
        await fixture.GetAsync();
        Assert.Equal(0, fixture.TokenCalls);

        fixture.Time.Advance(TimeSpan.FromMinutes(4));
        var result = await fixture.GetAsync();

        Assert.Equal("at-2", result.Token!.AccessToken);
        Assert.Equal(1, fixture.TokenCalls);
    }

    [Fact]
    public async Task Response_without_a_refresh_token_keeps_the_old_one()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, """{"access_token":"at-2","token_type":"Bearer","expires_in":3600}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(10));

        await fixture.GetAsync();

        var stored = await fixture.StoredAsync();
        Assert.Equal("at-2", stored!.AccessToken);
        Assert.Equal("rt-1", stored.RefreshToken);
    }

    [Fact]
    public async Task Response_without_expires_in_assumes_the_configured_lifetime()
    {
        var fixture = new TokenServiceFixture(o => o.AssumedAccessTokenLifetime = TimeSpan.FromMinutes(7));
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, """{"access_token":"at-2","token_type":"Bearer"}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(10));

        await fixture.GetAsync();

        Assert.Equal(fixture.Time.GetUtcNow().AddMinutes(7), (await fixture.StoredAsync())!.ExpiresAt);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_share_one_refresh()
    {
        var fixture = new TokenServiceFixture();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Server.On("/token", async (_, _) =>
        {
            await release.Task;
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, Refreshed);
        });
        await fixture.SeedAsync(TimeSpan.FromSeconds(30));

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => fixture.GetAsync())).ToList();
        await fixture.Server.WaitForArrivalAsync("/token", 1);
        release.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, fixture.TokenCalls);
        Assert.All(results, r =>
        {
            Assert.Null(r.Failure);
            Assert.Equal("at-2", r.Token!.AccessToken);
        });
    }

    [Fact]
    public async Task Rejected_access_token_that_is_current_forces_a_refresh()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, Refreshed);
        await fixture.SeedAsync(TimeSpan.FromMinutes(30));

        var result = await fixture.GetAsync(rejected: "at-1");

        Assert.Equal("at-2", result.Token!.AccessToken);
        Assert.Equal(1, fixture.TokenCalls);
    }

    [Fact]
    public async Task Rejected_access_token_that_was_already_replaced_does_not_refresh_again()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, Refreshed);
        await fixture.SeedAsync(TimeSpan.FromMinutes(30), accessToken: "at-newer");

        var result = await fixture.GetAsync(rejected: "at-old");

        Assert.Equal("at-newer", result.Token!.AccessToken);
        Assert.Equal(0, fixture.TokenCalls);
    }

    [Fact]
    public async Task Unknown_session_is_missing()
    {
        var fixture = new TokenServiceFixture();

        Assert.Equal(UserTokenFailure.SessionMissing, (await fixture.GetAsync()).Failure);
    }

    [Fact]
    public async Task Session_past_its_lifetime_is_missing()
    {
        var fixture = new TokenServiceFixture();
        await fixture.SeedAsync(TimeSpan.FromDays(2));

        fixture.Time.Advance(fixture.Options.SessionLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(UserTokenFailure.SessionMissing, (await fixture.GetAsync()).Failure);
    }
}
