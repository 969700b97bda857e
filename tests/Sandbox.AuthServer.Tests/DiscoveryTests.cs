using System.Net;
using System.Text.Json;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class DiscoveryTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    private async Task<JsonElement> DiscoveryAsync()
    {
        using var client = factory.CreateBrowser();
        var response = await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        return await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Discovery_advertises_the_configured_issuer_and_every_endpoint()
    {
        var metadata = await DiscoveryAsync();

        Assert.Equal(AuthServerFactory.Issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal("http://127.0.0.1:5001/connect/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:5001/connect/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:5001/connect/revoke", metadata.GetProperty("revocation_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:5001/connect/endsession", metadata.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:5001/connect/userinfo", metadata.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:5001/.well-known/jwks", metadata.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task Discovery_offers_only_the_S256_code_challenge_method()
    {
        var metadata = await DiscoveryAsync();

        var methods = metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString());
        Assert.Equal(["S256"], methods);
    }

    [Fact]
    public async Task Discovery_announces_the_iss_authorization_response_parameter()
    {
        var metadata = await DiscoveryAsync();

        // RFC 9207 §3.
        Assert.True(metadata.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
    }

    [Fact]
    public async Task Discovery_announces_back_channel_logout_with_session_ids()
    {
        var metadata = await DiscoveryAsync();

        // OpenID Connect Back-Channel Logout 1.0 §2.1: logout tokens are sent, and carry the sid of the ID tokens.
        Assert.True(metadata.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(metadata.GetProperty("backchannel_logout_session_supported").GetBoolean());
        Assert.Contains("sid", metadata.GetProperty("claims_supported").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Discovery_lists_the_photos_scope_and_only_the_code_response_type()
    {
        var metadata = await DiscoveryAsync();

        Assert.Contains("photos", metadata.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["code"], metadata.GetProperty("response_types_supported").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Jwks_publishes_a_PS256_signing_key()
    {
        using var client = factory.CreateBrowser();
        var response = await client.GetAsync(new Uri("/.well-known/jwks", UriKind.Relative));
        var jwks = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("PS256", key.GetProperty("alg").GetString()); // FAPI 2.0 Security Profile §5.4
        Assert.Equal("sig", key.GetProperty("use").GetString());
    }
}
