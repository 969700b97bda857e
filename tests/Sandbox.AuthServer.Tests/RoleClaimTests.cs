using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>The sandbox's <c>roles</c> claim: released with <c>profile</c>, in the ID token and the UserInfo answer.</summary>
public sealed class RoleClaimTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task Alices_id_token_and_userinfo_list_her_roles()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await new CodeFlow(browser).GetTokensAsync();

        var idToken = Jwt.Decode(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(["admin", "photographer"], Roles(idToken.Payload));
        Assert.Equal(["admin", "photographer"], Roles(await UserInfoAsync(browser, tokens)));
    }

    [Fact]
    public async Task Bob_has_no_roles_claim()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var callback = await flow.DecideAsync(await flow.OpenConsentPageAsync("bob", "bob"), "allow");
        var tokens = await CodeFlow.ReadJsonAsync(await flow.RedeemAsync(QueryHelpers.ParseQuery(callback.Query)["code"].ToString()), HttpStatusCode.OK);

        Assert.False(Jwt.Decode(tokens.GetProperty("id_token").GetString()!).Payload.TryGetProperty("roles", out _));
        Assert.Empty(Roles(await UserInfoAsync(browser, tokens)));
    }

    private static async Task<JsonElement> UserInfoAsync(HttpClient browser, JsonElement tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return await CodeFlow.ReadJsonAsync(await browser.SendAsync(request), HttpStatusCode.OK);
    }

    private static string[] Roles(JsonElement payload) => !payload.TryGetProperty("roles", out var roles) ? []
        : roles.ValueKind == JsonValueKind.Array ? [.. roles.EnumerateArray().Select(r => r.GetString()!)] : [roles.GetString()!];
}
