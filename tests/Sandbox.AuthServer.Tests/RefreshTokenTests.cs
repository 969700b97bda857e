using System.Net;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class RefreshTokenTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task Refresh_returns_a_new_access_token_and_a_new_refresh_token()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var first = await flow.GetTokensAsync();
        var firstRefresh = first.GetProperty("refresh_token").GetString()!;

        var second = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(firstRefresh), HttpStatusCode.OK);

        Assert.NotEqual(firstRefresh, second.GetProperty("refresh_token").GetString());
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        var accessToken = Jwt.Decode(second.GetProperty("access_token").GetString()!);
        Assert.Equal("photos-api", accessToken.Claim("aud"));
        Assert.Contains("photos", accessToken.Claim("scope").Split(' '));
        Assert.Equal("alice", accessToken.Claim("sub"));
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_fails_and_revokes_its_successor()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var oldRefresh = (await flow.GetTokensAsync()).GetProperty("refresh_token").GetString()!;
        var rotated = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(oldRefresh), HttpStatusCode.OK);
        var newRefresh = rotated.GetProperty("refresh_token").GetString()!;

        // RFC 9700 §4.14.2: a redeemed refresh token presented again (leeway 0) is a sign of theft.
        var reuse = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(oldRefresh), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());

        // ... and the whole token family is revoked, including the refresh token issued by the rotation.
        var successor = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(newRefresh), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", successor.GetProperty("error").GetString());
    }
}
