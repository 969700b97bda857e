using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Providers;

/// <summary>
/// Entra ID's multi-tenant metadata names the issuer <c>…/{tenantid}/v2.0</c>; with <c>OAuth:Preset=EntraId</c> each ID
/// token's <c>iss</c> must be that template filled with its own <c>tid</c>.
/// </summary>
public sealed class EntraIdTenants
{
    private const string Origin = "http://127.0.0.1:6001/";
    private static readonly string Tenant = Guid.NewGuid().ToString();

    // Entra sends no iss with the authorization response and does not advertise it (RFC 9207).
    private static ScriptedAuthorizationServer CommonEndpoint() =>
        new(Origin + "common/v2.0/") { MetadataIssuer = Origin + "{tenantid}/v2.0", AdvertisesIssParameter = false };

    private static void IssueFor(ScriptedAuthorizationServer server, string issuerTenant, string tid) =>
        server.RespondToTokenRequests(request =>
        {
            var claims = server.IdTokenClaims(request);
            claims["iss"] = Origin + issuerTenant + "/v2.0";
            claims["tid"] = tid;
            claims["roles"] = new[] { "admin" };
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, server.TokenResponseMembers(request, claims));
        });

    private static ScriptedClientHost Host(ScriptedAuthorizationServer server, string? preset = "EntraId", string allowed = "") =>
        new(server, new Dictionary<string, string?>
        {
            ["OAuth:Preset"] = preset,
            ["OAuth:AllowedTenants:0"] = allowed.Length > 0 ? allowed : Tenant,
            ["OAuth:RoleClaim"] = allowed == "*" ? "" : "roles",
        });

    private static async Task<BrowserPage> CallbackAsync(ScriptedClientHost host, Browser browser) =>
        await host.CallbackAsync(browser, host.ResponseQuery(await host.BeginSignInAsync(browser), withIss: false));

    [Fact]
    public async Task A_token_from_the_tenant_its_tid_names_signs_in_and_keeps_that_tenants_issuer()
    {
        var server = CommonEndpoint();
        await using var host = Host(server);
        IssueFor(server, Tenant, Tenant);
        var browser = host.NewBrowser();

        var callback = await CallbackAsync(host, browser);
        var gallery = await browser.GetAsync(callback.Location!.AbsoluteUri);
        var admin = await browser.GetAsync(host.ClientOrigin + "admin", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        var stored = await host.Sessions.GetAsync(host.Sessions.StoredSessions.Last(), CancellationToken.None);
        Assert.Equal(Origin + Tenant + "/v2.0", stored?.Issuer);
    }

    [Theory]
    [InlineData("other-tenant")]
    [InlineData("not-a-guid")]
    public async Task A_token_whose_issuer_is_not_its_own_tenant_is_refused(string tid)
    {
        var server = CommonEndpoint();
        await using var host = Host(server);
        IssueFor(server, Tenant, tid == "other-tenant" ? Guid.NewGuid().ToString() : tid);
        var browser = host.NewBrowser();

        var callback = await CallbackAsync(host, browser);

        Assert.Equal(HttpStatusCode.BadGateway, callback.Status);
        Assert.False(await host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task A_tenant_not_in_AllowedTenants_is_refused_even_with_a_well_formed_issuer()
    {
        var server = CommonEndpoint();
        var other = Guid.NewGuid().ToString();
        await using var host = Host(server);
        IssueFor(server, other, other);
        var browser = host.NewBrowser();

        var callback = await CallbackAsync(host, browser);

        Assert.Equal(HttpStatusCode.BadGateway, callback.Status);
        Assert.False(await host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Any_tenant_with_a_star_signs_in_but_brings_no_roles()
    {
        var server = CommonEndpoint();
        var other = Guid.NewGuid().ToString();
        await using var host = Host(server, allowed: "*");
        IssueFor(server, other, other);
        var browser = host.NewBrowser();

        var callback = await CallbackAsync(host, browser);
        var admin = await browser.GetAsync(host.ClientOrigin + "admin", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.Equal(HttpStatusCode.Forbidden, admin.Status);
    }

    [Fact]
    public async Task Without_the_preset_a_tenant_template_issuer_is_not_accepted()
    {
        await using var host = Host(CommonEndpoint(), preset: null);

        var login = await host.LoginAfterMetadataBackoffAsync(host.NewBrowser());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.Status);
    }
}
