using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Providers;

/// <summary>
/// <c>OAuth:Preset</c> against scripted servers that reproduce each provider's documented metadata and token shapes
/// (nothing here calls the internet): the claims they put roles in, the parameters they need, their logout.
/// </summary>
public sealed class Presets
{
    private static ScriptedClientHost Host(string preset, ScriptedAuthorizationServer? server = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["OAuth:Preset"] = preset };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new ScriptedClientHost(server, all);
    }

    /// <summary>The server signs ID tokens with these extra claims (the provider's own shape).</summary>
    private static void IssueClaims(ScriptedAuthorizationServer server, Action<Dictionary<string, object>> edit) =>
        server.RespondToTokenRequests(request =>
        {
            var claims = server.IdTokenClaims(request);
            edit(claims);
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, server.TokenResponseMembers(request, claims));
        });

    [Fact]
    public async Task Keycloak_realm_roles_become_roles_and_offline_access_needs_no_consent_prompt()
    {
        await using var host = Host("Keycloak");
        IssueClaims(host.Server, claims => claims["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "admin", "offline_access" } });
        var browser = host.NewBrowser();

        var request = await host.BeginSignInAsync(browser);
        await host.CallbackAsync(browser, request);
        var admin = await browser.GetAsync(host.ClientOrigin + "admin", followRedirects: false);

        Assert.Contains("offline_access", request.Scope, StringComparison.Ordinal);
        Assert.False(QueryHelpers.ParseQuery(request.Uri.Query).ContainsKey("prompt"));
        Assert.Equal(HttpStatusCode.OK, admin.Status);
    }

    [Fact]
    public async Task Okta_groups_become_roles_and_logout_carries_the_id_token_hint()
    {
        await using var host = Host("Okta");
        IssueClaims(host.Server, claims => claims["groups"] = new[] { "Everyone", "admin" });
        var browser = host.NewBrowser();
        var gallery = await host.SignInAsync(browser);

        var admin = await browser.GetAsync(host.ClientOrigin + "admin", followRedirects: false);
        var logout = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.True(QueryHelpers.ParseQuery(logout.Location!.Query).ContainsKey("id_token_hint"));
    }

    [Fact]
    public async Task Google_asks_for_offline_access_its_own_way()
    {
        await using var host = Host("Google");

        var request = QueryHelpers.ParseQuery((await host.BeginSignInAsync(host.NewBrowser())).Uri.Query);

        // Google refuses offline_access (even where the app's scope lists it) and wants access_type=offline instead.
        Assert.DoesNotContain("offline_access", request["scope"].ToString(), StringComparison.Ordinal);
        Assert.StartsWith("openid", request["scope"].ToString(), StringComparison.Ordinal);
        Assert.Equal("offline", request["access_type"]);
        Assert.Equal("consent", request["prompt"]);
    }

    [Fact]
    public async Task Auth0_logs_out_at_its_oidc_logout_endpoint_when_the_metadata_has_none()
    {
        var server = new ScriptedAuthorizationServer { EditMetadata = metadata => metadata.Remove("end_session_endpoint") };
        await using var host = Host("Auth0", server);
        var browser = host.NewBrowser();
        var gallery = await host.SignInAsync(browser);

        var logout = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.StartsWith(server.Issuer + "oidc/logout?", logout.Location?.AbsoluteUri ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_servers_get_no_logout_url_the_metadata_does_not_give()
    {
        var server = new ScriptedAuthorizationServer { EditMetadata = metadata => metadata.Remove("end_session_endpoint") };
        await using var host = new ScriptedClientHost(server);
        var browser = host.NewBrowser();
        var gallery = await host.SignInAsync(browser);

        var logout = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.DoesNotContain("oidc/logout", logout.Location?.AbsoluteUri ?? "", StringComparison.Ordinal);
    }
}
