using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Claims;

/// <summary>A role taken away at the provider is gone here at the next refresh that brings an ID token.</summary>
public sealed class RolesFollowTheProvider
{
    [Fact]
    public async Task A_refreshed_id_token_without_the_role_closes_the_admin_page()
    {
        await using var host = new ScriptedClientHost();
        string[] roles = ["admin"];
        host.Server.RespondToTokenRequests(request =>
        {
            var claims = host.Server.IdTokenClaims(request);
            claims["roles"] = roles;
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, host.Server.TokenResponseMembers(request, claims));
        });
        var browser = host.NewBrowser();
        await host.SignInAsync(browser);
        var before = await browser.GetAsync(host.ClientOrigin + "admin", followRedirects: false);

        roles = [];
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await browser.GetAsync(host.ClientOrigin + "photos");
        var after = await browser.GetAsync(host.ClientOrigin + "admin", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(["authorization_code", "refresh_token"], host.Server.TokenRequests.Select(r => r.GrantType));
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
    }
}
