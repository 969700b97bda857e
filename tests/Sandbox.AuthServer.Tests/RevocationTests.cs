using System.Net;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class RevocationTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task Revoking_a_refresh_token_returns_200_and_the_token_stops_working()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var refreshToken = (await flow.GetTokensAsync()).GetProperty("refresh_token").GetString()!;

        var revoked = await flow.BackChannelAsync("/connect/revoke", new()
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
        });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode); // RFC 7009 §2.2
        var refresh = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refreshToken), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refresh.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Revoking_an_unknown_token_still_returns_200()
    {
        using var browser = factory.CreateBrowser();
        var response = await new CodeFlow(browser).BackChannelAsync("/connect/revoke", new() { ["token"] = "not-a-token" });

        // RFC 7009 §2.2: invalid tokens do not cause an error response.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
