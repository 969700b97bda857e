using OAuthWebClient.Testing;
using System.Net;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class AccessTokenRefreshFailure
{
    [Fact]
    public async Task Invalid_grant_requires_sign_in_and_forgets_the_tokens()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"revoked"}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(30));

        var result = await fixture.GetAsync();

        Assert.Equal(UserTokenFailure.ReauthenticationRequired, result.Failure);
        Assert.Null(result.Token);
        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Other_oauth_error_while_the_token_is_valid_keeps_the_old_token()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.BadRequest, """{"error":"invalid_client"}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(30));

        var result = await fixture.GetAsync();

        Assert.Null(result.Failure);
        Assert.Equal("at-1", result.Token!.AccessToken);
        Assert.NotNull(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Server_unavailable_while_the_token_is_still_valid_returns_the_old_token()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On("/token", _ => ScriptedAuthorizationServer.Html(HttpStatusCode.ServiceUnavailable, "<h1>Service Unavailable</h1>"));
        await fixture.SeedAsync(TimeSpan.FromSeconds(30));

        var result = await fixture.GetAsync();

        Assert.Null(result.Failure);
        Assert.Equal("at-1", result.Token!.AccessToken);
        Assert.Equal(1, fixture.TokenCalls);
    }

    [Fact]
    public async Task Server_unavailable_after_expiry_is_temporarily_unavailable_and_the_session_is_kept()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On("/token", _ => ScriptedAuthorizationServer.Html(HttpStatusCode.ServiceUnavailable, "<h1>Service Unavailable</h1>"));
        await fixture.SeedAsync(TimeSpan.FromSeconds(30));

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var result = await fixture.GetAsync();

        Assert.Equal(UserTokenFailure.TemporarilyUnavailable, result.Failure);
        Assert.Null(result.Token);
        var stored = await fixture.StoredAsync();
        Assert.Equal("at-1", stored!.AccessToken);
        Assert.Equal("rt-1", stored.RefreshToken);
    }

    [Fact]
    public async Task Unreachable_server_after_expiry_is_temporarily_unavailable()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On("/token", _ => throw new HttpRequestException("connection refused"));
        await fixture.SeedAsync(TimeSpan.FromSeconds(-1));

        Assert.Equal(UserTokenFailure.TemporarilyUnavailable, (await fixture.GetAsync()).Failure);
        Assert.NotNull(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Expired_token_without_a_refresh_token_requires_sign_in()
    {
        var fixture = new TokenServiceFixture();
        await fixture.SeedAsync(TimeSpan.FromSeconds(-1), refreshToken: null);

        Assert.Equal(UserTokenFailure.ReauthenticationRequired, (await fixture.GetAsync()).Failure);
        Assert.Equal(0, fixture.TokenCalls);
        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Expiring_but_still_valid_token_without_a_refresh_token_is_returned()
    {
        var fixture = new TokenServiceFixture();
        await fixture.SeedAsync(TimeSpan.FromSeconds(30), refreshToken: null);

        var result = await fixture.GetAsync();

        Assert.Null(result.Failure);
        Assert.Equal(0, fixture.TokenCalls);
    }
}
