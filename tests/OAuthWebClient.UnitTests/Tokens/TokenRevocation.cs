using OAuthWebClient.Testing;
using System.Net;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class TokenRevocation
{
    [Fact]
    public async Task Refresh_token_then_access_token_are_revoked_with_hints_and_the_session_is_forgotten()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On(TestOptions.RevokePath, _ => new HttpResponseMessage(HttpStatusCode.OK));
        await fixture.SeedAsync(TimeSpan.FromMinutes(30));

        await fixture.RevokeAsync();

        var requests = fixture.Server.RequestsTo(TestOptions.RevokePath);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(HttpMethod.Post.Method, r.Method));
        Assert.Equal("rt-1", requests[0].Form["token"]);
        Assert.Equal("refresh_token", requests[0].Form["token_type_hint"]);
        Assert.Equal("at-1", requests[1].Form["token"]);
        Assert.Equal("access_token", requests[1].Form["token_type_hint"]);
        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Without_a_refresh_token_only_the_access_token_is_revoked()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On(TestOptions.RevokePath, _ => new HttpResponseMessage(HttpStatusCode.OK));
        await fixture.SeedAsync(TimeSpan.FromMinutes(30), refreshToken: null);

        await fixture.RevokeAsync();

        var request = Assert.Single(fixture.Server.RequestsTo(TestOptions.RevokePath));
        Assert.Equal("access_token", request.Form["token_type_hint"]);
    }

    [Fact]
    public async Task Unreachable_revocation_endpoint_does_not_throw_and_the_session_is_forgotten()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On(TestOptions.RevokePath, _ => throw new HttpRequestException("connection refused"));
        await fixture.SeedAsync(TimeSpan.FromMinutes(30));

        await fixture.RevokeAsync();

        Assert.Equal(2, fixture.Server.Count(TestOptions.RevokePath));
        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Failing_revocation_endpoint_does_not_throw()
    {
        var fixture = new TokenServiceFixture();
        fixture.Server.On(TestOptions.RevokePath, _ => ScriptedAuthorizationServer.Html(HttpStatusCode.InternalServerError, "oops"));
        await fixture.SeedAsync(TimeSpan.FromMinutes(30));

        await fixture.RevokeAsync();

        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Without_a_revocation_endpoint_the_session_is_only_forgotten()
    {
        var fixture = new TokenServiceFixture(o => o.Endpoints.RevocationEndpoint = null);
        await fixture.SeedAsync(TimeSpan.FromMinutes(30));

        await fixture.RevokeAsync();

        Assert.Equal(0, fixture.Server.Count(TestOptions.RevokePath));
        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Revoking_an_unknown_session_calls_nothing()
    {
        var fixture = new TokenServiceFixture();

        await fixture.RevokeAsync("nobody");

        Assert.Equal(0, fixture.Server.Count(TestOptions.RevokePath));
    }
}
