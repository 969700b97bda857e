using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>AuthServer:SigningAlgorithm: PS256 by default, ES256 or RS256 on request (FAPI 2.0 Security Profile §5.4).</summary>
public sealed class SigningAlgorithmTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task Id_token_and_access_token_are_signed_with_PS256_by_default()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await new CodeFlow(browser).GetTokensAsync();
        var metadata = await CodeFlow.ReadJsonAsync(await browser.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal("PS256", Jwt.Decode(tokens.GetProperty("id_token").GetString()!).Header.GetProperty("alg").GetString());
        Assert.Equal("PS256", Jwt.Decode(tokens.GetProperty("access_token").GetString()!).Header.GetProperty("alg").GetString());
        Assert.Equal(["PS256"], metadata.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task ES256_signs_with_a_P256_key()
    {
        using var es256 = factory.WithWebHostBuilder(builder => builder.UseSetting("AuthServer:SigningAlgorithm", "ES256"));
        using var browser = es256.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(AuthServerFactory.Issuer) });
        var jwks = await CodeFlow.ReadJsonAsync(await browser.GetAsync(new Uri("/.well-known/jwks", UriKind.Relative)), HttpStatusCode.OK);
        var tokens = await new CodeFlow(browser).GetTokensAsync();

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", Jwt.Decode(tokens.GetProperty("id_token").GetString()!).Header.GetProperty("alg").GetString());
    }

    [Fact]
    public void Unsupported_algorithm_fails_at_startup()
    {
        using var hs256 = new AuthServerFactory().WithWebHostBuilder(builder => builder.UseSetting("AuthServer:SigningAlgorithm", "HS256"));

        var error = Assert.Throws<OptionsValidationException>(() => hs256.CreateClient());

        Assert.Contains("AuthServer:SigningAlgorithm must be one of PS256, ES256, RS256 (got 'HS256')", error.Message, StringComparison.Ordinal);
    }
}
