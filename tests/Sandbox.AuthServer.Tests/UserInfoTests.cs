using System.Net;
using System.Net.Http.Headers;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class UserInfoTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task Userinfo_returns_the_subject_and_name_for_a_valid_access_token()
    {
        using var browser = factory.CreateBrowser();
        var accessToken = (await new CodeFlow(browser).GetTokensAsync()).GetProperty("access_token").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var claims = await CodeFlow.ReadJsonAsync(await browser.SendAsync(request), HttpStatusCode.OK);

        Assert.Equal("alice", claims.GetProperty("sub").GetString());
        Assert.Equal("Alice", claims.GetProperty("name").GetString());
        Assert.False(claims.TryGetProperty("email", out _)); // email scope not granted
    }

    [Fact]
    public async Task Userinfo_without_an_access_token_is_unauthorized()
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri("/connect/userinfo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
