using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Fapi;

/// <summary>
/// <c>OAuth:Profile=Fapi2</c> against the real OpenIddict sandbox, configuration only: a pushed request, private_key_jwt at
/// every back-channel call, DPoP-bound tokens at the token endpoint and the photos API, a refresh with a proof of the
/// same key, and a back-channel logout that ends the session.
/// </summary>
public sealed class Fapi2AgainstTheSandbox : IAsyncLifetime
{
    private readonly TestKeyFiles _keys = new();
    private TestHosts _hosts = null!;

    [Fact]
    public async Task Signs_in_calls_the_api_with_dpop_refreshes_and_is_signed_out_by_a_backchannel_logout()
    {
        var browser = _hosts.NewBrowser();

        var gallery = await _hosts.SignInAsync(browser, "alice");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal("/photos", gallery.Uri.AbsolutePath);
        var authorize = browser.History.First(u => u.AbsolutePath == "/connect/authorize");
        Assert.Equal(["client_id", "request_uri"], QueryHelpers.ParseQuery(authorize.Query).Keys.Order(StringComparer.Ordinal));

        var push = Assert.Single(Requests("/connect/par"));
        var code = Requests("/connect/token")[0];
        Assert.Equal("authorization_code", code.Form["grant_type"]);
        foreach (var request in new[] { push, code })
        {
            Assert.Null(request.Authorization);
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
            Assert.False(request.Form.ContainsKey("client_secret"));
        }

        Assert.NotNull(code.DPoP);
        var apiCalls = Requests("/photos").Where(r => r.Uri.GetLeftPart(UriPartial.Authority) == TestHosts.PhotosApiOrigin.GetLeftPart(UriPartial.Authority)).ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.StartsWith("DPoP ", call.Authorization, StringComparison.Ordinal));

        // RefreshBeforeExpiry (59 min) covers the 30-minute token: every page refreshes, with a proof of the same key.
        var again = await browser.GetAsync(TestHosts.ClientOrigin + "photos");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var refresh = Requests("/connect/token").Last();
        Assert.Equal("refresh_token", refresh.Form["grant_type"]);
        var first = await ProofInspection.DPoPAsync(code.DPoP!);
        var second = await ProofInspection.DPoPAsync(refresh.DPoP!);
        Assert.Equal(first.Thumbprint, second.Thumbprint);

        await _hosts.SignOutEverywhereAtTheSandboxAsync(browser);

        Assert.True(await browser.IsSentToSignInAsync(), "The back-channel logout must have ended the session.");
    }

    private List<RecordedRequest> Requests(string path) => [.. _hosts.Router.Requests.Where(r => r.Path == path)];

    public Task InitializeAsync()
    {
        var (path, key) = _keys.EcKey();
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(key.ExportParameters(false))));
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, use = "sig" } } });
        _hosts = new TestHosts(
            builder =>
            {
                builder.UseSetting("OAuth:Profile", "Fapi2");
                builder.UseSetting("OAuth:ClientAuthentication", "PrivateKeyJwt");
                builder.UseSetting("OAuth:ClientAssertion:KeyFile", path);
                builder.UseSetting("OAuth:RefreshBeforeExpiry", "00:59:00");
            },
            new Dictionary<string, string>
            {
                ["AuthServer:Clients:0:Jwks"] = jwks,
                ["AuthServer:Clients:0:RequirePushedAuthorizationRequests"] = "true",
                ["AuthServer:AccessTokenLifetime"] = "00:30:00",
            });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
        _keys.Dispose();
    }
}
