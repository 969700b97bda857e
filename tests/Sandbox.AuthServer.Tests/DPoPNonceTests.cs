using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sandbox.AuthServer.Tests.Infrastructure;
using Sandbox.DPoP.Testing;

namespace Sandbox.AuthServer.Tests;

/// <summary>AuthServer:DPoP:RequireNonce (RFC 9449 §8): use_dpop_nonce with a DPoP-Nonce header, then success with it.</summary>
public sealed class DPoPNonceTests : IDisposable
{
    private readonly WebApplicationFactory<AuthServerApp> _factory =
        new AuthServerFactory().WithWebHostBuilder(builder => builder.UseSetting("AuthServer:DPoP:RequireNonce", "true"));

    private readonly DPoPProof _key = new();

    public void Dispose()
    {
        _key.Dispose();
        _factory.Dispose();
    }

    private HttpClient Browser() =>
        _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(AuthServerFactory.Issuer) });

    private static string Nonce(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("DPoP-Nonce"));

    [Fact]
    public async Task Proof_without_the_nonce_gets_use_dpop_nonce_and_the_retry_with_it_succeeds()
    {
        using var browser = Browser();
        var flow = new CodeFlow(browser);
        var code = await flow.GetCodeAsync();

        var first = await flow.RedeemAsync(code, dpop: _key.Create("POST", DPoPTokenTests.TokenEndpoint));
        var error = await CodeFlow.ReadJsonAsync(first, HttpStatusCode.BadRequest);
        var nonce = Nonce(first);
        var retry = await flow.RedeemAsync(code, dpop: _key.Create("POST", DPoPTokenTests.TokenEndpoint, nonce: nonce));
        var tokens = await CodeFlow.ReadJsonAsync(retry, HttpStatusCode.OK);

        Assert.Equal("use_dpop_nonce", error.GetProperty("error").GetString());
        Assert.Equal("DPoP", tokens.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(Nonce(retry))); // §8.2: every token response carries the current nonce
    }

    [Fact]
    public async Task UserInfo_asks_for_the_nonce_with_a_401_DPoP_challenge()
    {
        using var browser = Browser();
        var flow = new CodeFlow(browser);
        var code = await flow.GetCodeAsync();
        var nonce = Nonce(await flow.RedeemAsync(code, dpop: _key.Create("POST", DPoPTokenTests.TokenEndpoint)));
        var tokens = await CodeFlow.ReadJsonAsync(await flow.RedeemAsync(code, dpop: _key.Create("POST", DPoPTokenTests.TokenEndpoint, nonce: nonce)), HttpStatusCode.OK);
        var token = tokens.GetProperty("access_token").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new("DPoP", token);
        request.Headers.Add("DPoP", _key.Create("GET", "http://127.0.0.1:5001/connect/userinfo", accessToken: token));
        var response = await browser.SendAsync(request);

        // RFC 9449 §9: 401, WWW-Authenticate: DPoP error="use_dpop_nonce", and the nonce to use.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"use_dpop_nonce\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Nonce(response)));
    }

    [Fact]
    public async Task Proof_with_a_nonce_the_server_never_issued_gets_use_dpop_nonce()
    {
        using var browser = Browser();
        var flow = new CodeFlow(browser);
        var code = await flow.GetCodeAsync();

        var response = await flow.RedeemAsync(code, dpop: _key.Create("POST", DPoPTokenTests.TokenEndpoint, nonce: "made-up"));

        var error = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("use_dpop_nonce", error.GetProperty("error").GetString());
        Assert.NotEqual("made-up", Nonce(response));
    }
}
