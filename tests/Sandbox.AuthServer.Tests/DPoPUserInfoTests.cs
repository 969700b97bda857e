using System.Net;
using System.Net.Http.Headers;
using Sandbox.AuthServer.Tests.Infrastructure;
using Sandbox.DPoP.Testing;

namespace Sandbox.AuthServer.Tests;

/// <summary>The UserInfo endpoint as a DPoP protected resource (RFC 9449 §7).</summary>
public sealed class DPoPUserInfoTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>, IDisposable
{
    private const string UserInfo = "http://127.0.0.1:5001/connect/userinfo";

    private readonly DPoPProof _key = new();

    public void Dispose() => _key.Dispose();

    private async Task<string> BoundAccessTokenAsync(HttpClient browser)
    {
        var flow = new CodeFlow(browser);
        var response = await flow.RedeemAsync(await flow.GetCodeAsync(), dpop: _key.Create("POST", DPoPTokenTests.TokenEndpoint));
        return (await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient browser, string scheme, string token, string? proof)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        if (proof is not null)
        {
            request.Headers.Add("DPoP", proof);
        }

        return await browser.SendAsync(request);
    }

    private static string Challenge(HttpResponseMessage response) => string.Join(", ", response.Headers.WwwAuthenticate.Select(v => v.ToString()));

    [Fact]
    public async Task Bound_token_with_the_DPoP_scheme_and_a_proof_returns_the_claims()
    {
        using var browser = factory.CreateBrowser();
        var token = await BoundAccessTokenAsync(browser);

        var response = await GetAsync(browser, "DPoP", token, _key.Create("GET", UserInfo, accessToken: token));

        var claims = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("alice", claims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Bound_token_sent_as_Bearer_is_refused_with_a_DPoP_challenge()
    {
        using var browser = factory.CreateBrowser();
        var token = await BoundAccessTokenAsync(browser);

        var response = await GetAsync(browser, "Bearer", token, proof: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
        Assert.Contains("algs=\"ES256 PS256", Challenge(response), StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<DPoPProof, string, string?>> BadProofs => new()
    {
        { "ath", (key, _) => key.Create("GET", UserInfo, accessToken: "another-token") },
        { "htu", (key, token) => key.Create("GET", DPoPTokenTests.TokenEndpoint, accessToken: token) },
        { "another key", (_, token) => { using var other = new DPoPProof(); return other.Create("GET", UserInfo, accessToken: token); } },
        { "Exactly one DPoP header", (_, _) => null },
    };

    [Theory]
    [MemberData(nameof(BadProofs))]
    public async Task Bound_token_with_a_bad_or_missing_proof_is_401_invalid_dpop_proof(string reason, Func<DPoPProof, string, string?> proof)
    {
        using var browser = factory.CreateBrowser();
        var token = await BoundAccessTokenAsync(browser);

        var response = await GetAsync(browser, "DPoP", token, proof(_key, token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_dpop_proof\"", Challenge(response), StringComparison.Ordinal);
        Assert.Contains(reason, Challenge(response), StringComparison.Ordinal); // in error_description
    }

    [Fact]
    public async Task Bearer_token_sent_with_the_DPoP_scheme_is_refused()
    {
        using var browser = factory.CreateBrowser();
        var token = (await new CodeFlow(browser).GetTokensAsync()).GetProperty("access_token").GetString()!;

        var response = await GetAsync(browser, "DPoP", token, _key.Create("GET", UserInfo, accessToken: token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
    }
}
