using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Invalid_configuration_fails_at_startup_listing_every_problem()
    {
        using var factory = new AuthServerFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AuthServer:Issuer", "not-absolute");
            builder.UseSetting("AuthServer:AccessTokenLifetime", "-00:00:01");
            builder.UseSetting("AuthServer:PhotosApiAudience", " ");
            builder.UseSetting("AuthServer:Clients:0:ClientSecret", "");
            builder.UseSetting("AuthServer:Clients:0:RedirectUris:0", "/relative#fragment");
            builder.UseSetting("AuthServer:Clients:1:Jwks", "not json");
            builder.UseSetting("AuthServer:Clients:2:Jwks", """{"keys":[{"kty":"EC","crv":"P-256","x":"AQ","y":"AQ","d":"AQ"}]}""");
            builder.UseSetting("AuthServer:DPoP:ProofLifetime", "00:00:00");
            builder.UseSetting("AuthServer:Clients:0:BackchannelLogoutUri", "http://localhost/logout#fragment");
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("AuthServer:Issuer must be an absolute", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:AccessTokenLifetime must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:PhotosApiAudience is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:Clients:0:ClientSecret or Jwks is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:Clients:1:Jwks is not a JWK Set", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:Clients:2:Jwks must contain only public RSA or EC keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:DPoP:ProofLifetime must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:Clients:0:RedirectUris contains '/relative#fragment'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthServer:Clients:0:BackchannelLogoutUri is 'http://localhost/logout#fragment'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_honours_configuration_replaced_by_the_configure_callback()
    {
        // How the client embeds the server: replace every configuration source inside `configure`.
        await using var app = AuthServerApp.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AuthServer:Issuer"] = "http://127.0.0.1:6001/",
                ["AuthServer:Clients:0:ClientId"] = "embedded-client",
                ["AuthServer:Clients:0:ClientSecret"] = "embedded-secret",
                ["AuthServer:Clients:0:RedirectUris:0"] = "http://localhost:6000/callback",
            });
            builder.WebHost.UseTestServer();
        });
        await app.StartAsync();

        using var client = app.GetTestClient();
        var response = await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        var metadata = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("http://127.0.0.1:6001/", metadata.GetProperty("issuer").GetString());

        // The client registered by that configuration was seeded: its request reaches the login page.
        var authorize = await client.GetAsync(new Uri(
            "/connect/authorize?client_id=embedded-client&response_type=code&scope=openid&code_challenge_method=S256"
            + "&code_challenge=" + Pkce.Create().Challenge + "&redirect_uri=" + Uri.EscapeDataString("http://localhost:6000/callback"),
            UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.Equal("/account/login", authorize.Headers.Location!.AbsolutePath);
        await app.StopAsync();
    }

    [Fact]
    public async Task The_settings_file_registers_the_minimal_api_sample()
    {
        // samples/MinimalApi runs against the standalone sandbox with these values from both settings files.
        using var factory = new AuthServerFactory();
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser, "minimal-sample");

        var authorize = await browser.GetAsync(new Uri(flow.AuthorizeUrl(redirectUri: "http://localhost:5003/callback"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.Equal("/account/login", authorize.Headers.Location!.AbsolutePath);

        // The secret authenticates it: RFC 7009 answers 200 for an unknown token, 401 invalid_client for a wrong secret.
        var revoke = new Dictionary<string, string> { ["token"] = "not-a-token" };
        Assert.Equal(HttpStatusCode.OK, (await flow.BackChannelAsync("/connect/revoke", revoke, "minimal-sample-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await flow.BackChannelAsync("/connect/revoke", revoke, "wrong-secret")).StatusCode);
    }
}
