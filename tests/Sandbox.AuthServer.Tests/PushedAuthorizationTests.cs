using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>Pushed authorization requests (RFC 9126) at connect/par, resolved by the authorization endpoint's passthrough.</summary>
public sealed class PushedAuthorizationTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    private static async Task<string> RequestUriAsync(CodeFlow flow, Action<Dictionary<string, string>>? change = null)
    {
        var pushed = await CodeFlow.ReadJsonAsync(await flow.PushAsync(change), HttpStatusCode.Created); // RFC 9126 §2.2
        Assert.InRange(pushed.GetProperty("expires_in").GetInt32(), 1, 3600);
        return pushed.GetProperty("request_uri").GetString()!;
    }

    [Fact]
    public async Task Discovery_advertises_the_endpoint_and_does_not_require_it_by_default()
    {
        using var client = factory.CreateBrowser();
        var metadata = await CodeFlow.ReadJsonAsync(await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal("http://127.0.0.1:5001/connect/par", metadata.GetProperty("pushed_authorization_request_endpoint").GetString());
        Assert.False(metadata.TryGetProperty("require_pushed_authorization_requests", out var required) && required.GetBoolean());
    }

    [Fact]
    public async Task Pushed_request_runs_through_login_and_consent_to_a_code_that_redeems()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var requestUri = await RequestUriAsync(flow);

        var consent = await flow.OpenConsentPageAsync(authorizeUrl: flow.PushedAuthorizeUrl(requestUri));
        var callback = await flow.DecideAsync(consent, "allow");
        var query = QueryHelpers.ParseQuery(callback.Query);
        var tokens = await CodeFlow.ReadJsonAsync(await flow.RedeemAsync(query["code"].ToString()), HttpStatusCode.OK);

        Assert.Equal(AuthServerFactory.RedirectUri, callback.GetLeftPart(UriPartial.Path));
        Assert.Equal(flow.State, query["state"]); // the pushed state, not in the front-channel URL
        Assert.Equal(flow.Nonce, Jwt.Decode(tokens.GetProperty("id_token").GetString()!).Claim("nonce"));
    }

    [Fact]
    public async Task Request_uri_cannot_be_used_after_the_code_was_issued()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var url = flow.PushedAuthorizeUrl(await RequestUriAsync(flow));
        await flow.DecideAsync(await flow.OpenConsentPageAsync(authorizeUrl: url), "allow");

        var again = await browser.GetAsync(new Uri(url, UriKind.Relative));

        // RFC 9126 §4: single use. OpenIddict says the request token behind request_uri is no longer valid.
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("error:invalid_token", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushed_prompt_login_is_satisfied_by_the_login_it_asks_for()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        await flow.OpenConsentPageAsync(); // an existing session
        var requestUri = await RequestUriAsync(flow, form => form["prompt"] = "login");

        // Login page again (prompt=login), then consent — not the login page in a loop.
        var consent = await flow.OpenConsentPageAsync(authorizeUrl: flow.PushedAuthorizeUrl(requestUri));

        Assert.Contains(">Allow</button>", consent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_that_requires_par_cannot_send_its_request_through_the_front_channel()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser, AuthServerFactory.ParClientId);

        var direct = await browser.GetAsync(new Uri(flow.AuthorizeUrl(), UriKind.Relative));
        var consent = await flow.OpenConsentPageAsync(authorizeUrl: flow.PushedAuthorizeUrl(await RequestUriAsync(flow)));

        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains("request_uri", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(">Allow</button>", consent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_wide_requirement_is_advertised_and_enforced()
    {
        using var required = factory.WithWebHostBuilder(builder => builder.UseSetting("AuthServer:RequirePushedAuthorizationRequests", "true"));
        using var browser = required.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(AuthServerFactory.Issuer) });
        var metadata = await CodeFlow.ReadJsonAsync(await browser.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)), HttpStatusCode.OK);

        var direct = await browser.GetAsync(new Uri(new CodeFlow(browser).AuthorizeUrl(), UriKind.Relative));

        Assert.True(metadata.GetProperty("require_pushed_authorization_requests").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
    }
}
