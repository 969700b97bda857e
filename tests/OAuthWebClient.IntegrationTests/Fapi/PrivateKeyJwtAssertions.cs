using System.Net;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Fapi;

/// <summary>
/// private_key_jwt (RFC 7523 §2.2 and §3, OIDC Core §9): every token, pushed and revocation request carries a fresh
/// assertion — iss = sub = client_id, aud = the issuer, a unique jti, exp at most 60 s ahead — verifiable with the key
/// the client publishes at /.well-known/jwks.json, and no secret travels. Of two keys, the newest active one signs.
/// </summary>
public sealed class PrivateKeyJwtAssertions : IAsyncLifetime
{
    private readonly TestKeyFiles _keys = new();
    private ScriptedClientHost _host = null!;

    private ScriptedAuthorizationServer Server => _host.Server;

    [Fact]
    public async Task Token_and_pushed_requests_carry_fresh_assertions_verifiable_with_the_published_key()
    {
        Start(new() { ["OAuth:ClientAssertion:KeyFile"] = _keys.EcKey().Path }, pushed: true);
        var browser = _host.NewBrowser();

        var gallery = await _host.SignInAsync(browser);

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        var jwks = await PublishedKeysAsync(browser);
        var key = Assert.Single(jwks);
        var push = Assert.Single(Server.RequestsTo(ScriptedAuthorizationServer.PushedAuthorizationPath));
        var token = Assert.Single(Server.TokenRequests);
        var assertions = new List<ProofInspection>();
        foreach (var form in new[] { push.Form.ToDictionary(f => f.Key, f => f.Value.ToString()), token.Form })
        {
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            Assert.Equal(ScriptedAuthorizationServer.ClientId, form["client_id"]);
            Assert.False(form.ContainsKey("client_secret"));
            assertions.Add(await ProofInspection.SignedWithAsync(form["client_assertion"], key));
        }

        Assert.Null(push.Authorization);
        Assert.Null(token.Authorization);
        foreach (var assertion in assertions)
        {
            Assert.True(assertion.SignatureValid);
            Assert.Equal(ScriptedAuthorizationServer.ClientId, assertion.Claim("iss"));
            Assert.Equal(ScriptedAuthorizationServer.ClientId, assertion.Claim("sub"));
            Assert.Equal(Server.Issuer, assertion.Claim("aud"));
            Assert.Equal(key.KeyId, assertion.Header("kid"));
            Assert.InRange(long.Parse(assertion.Claim("exp")!, System.Globalization.CultureInfo.InvariantCulture) - long.Parse(assertion.Claim("iat")!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }

        Assert.NotEqual(assertions[0].Claim("jti"), assertions[1].Claim("jti"));
        Assert.DoesNotContain(ScriptedAuthorizationServer.ClientSecret, push.Body + string.Join("", token.Form.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_audience_names_the_endpoint_the_assertion_is_sent_to()
    {
        Start(new() { ["OAuth:ClientAssertion:KeyFile"] = _keys.RsaKey().Path, ["OAuth:ClientAssertion:Audience"] = "Endpoint" });
        var browser = _host.NewBrowser();

        await _host.SignInAsync(browser);

        var assertion = await ProofInspection.SignedWithAsync(Assert.Single(Server.TokenRequests).Form["client_assertion"], Assert.Single(await PublishedKeysAsync(browser)));
        Assert.True(assertion.SignatureValid);
        Assert.Equal("PS256", assertion.Header("alg"));
        Assert.Equal(Server.TokenEndpointUri.AbsoluteUri, assertion.Claim("aud"));
    }

    [Fact]
    public async Task Of_two_keys_the_newest_active_one_signs_and_both_are_published_without_private_parts()
    {
        var now = DateTimeOffset.UtcNow;
        Start(new()
        {
            ["OAuth:ClientAssertion:Keys:0:KeyFile"] = _keys.EcKey("old.pem").Path,
            ["OAuth:ClientAssertion:Keys:0:KeyId"] = "old",
            ["OAuth:ClientAssertion:Keys:1:KeyFile"] = _keys.EcKey("new.pem").Path,
            ["OAuth:ClientAssertion:Keys:1:KeyId"] = "new",
            ["OAuth:ClientAssertion:Keys:1:ActiveFrom"] = now.AddHours(1).ToString("O"),
        });
        var browser = _host.NewBrowser();

        var document = await browser.GetAsync(_host.ClientOrigin + ".well-known/jwks.json", followRedirects: false);
        await _host.SignInAsync(browser);
        _host.Time.Advance(TimeSpan.FromHours(2));
        await browser.GetAsync(_host.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, document.Status);
        foreach (var member in (string[])["\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"qi\""])
        {
            Assert.DoesNotContain(member, document.Html, StringComparison.Ordinal);
        }

        Assert.Equal(["new", "old"], (await PublishedKeysAsync(browser)).Select(k => k.KeyId).Order(StringComparer.Ordinal));
        var kids = Server.TokenRequests.Select(r => new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(r.Form["client_assertion"]).Kid).ToList();
        Assert.Equal(["old", "new"], kids);
    }

    private async Task<IList<JsonWebKey>> PublishedKeysAsync(Browser browser)
    {
        var page = await browser.GetAsync(_host.ClientOrigin + ".well-known/jwks.json", followRedirects: false);
        return new JsonWebKeySet(page.Html).Keys;
    }

    private void Start(Dictionary<string, string?> settings, bool pushed = false)
    {
        settings["OAuth:ClientAuthentication"] = "PrivateKeyJwt";
        var server = new ScriptedAuthorizationServer();
        if (pushed)
        {
            server.EnablePushedAuthorization();
        }

        _host = new ScriptedClientHost(server, settings);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _keys.Dispose();
    }
}
