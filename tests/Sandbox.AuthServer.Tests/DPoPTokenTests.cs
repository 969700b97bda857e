using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Sandbox.AuthServer.Tests.Infrastructure;
using Sandbox.DPoP.Testing;

namespace Sandbox.AuthServer.Tests;

/// <summary>DPoP (RFC 9449) at the token endpoint: proofs, key-bound access and refresh tokens, discovery.</summary>
public sealed class DPoPTokenTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>, IDisposable
{
    public const string TokenEndpoint = "http://127.0.0.1:5001/connect/token";

    private readonly DPoPProof _key = new();

    public void Dispose() => _key.Dispose();

    private async Task<(CodeFlow Flow, HttpResponseMessage Response)> RedeemAsync(HttpClient browser, Func<DPoPProof, string> proof)
    {
        var flow = new CodeFlow(browser);
        var code = await flow.GetCodeAsync();
        return (flow, await flow.RedeemAsync(code, dpop: proof(_key)));
    }

    [Fact]
    public async Task Token_request_with_a_proof_gets_a_DPoP_access_token_bound_to_its_key()
    {
        using var browser = factory.CreateBrowser();
        var (_, response) = await RedeemAsync(browser, key => key.Create("POST", TokenEndpoint));

        var tokens = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("DPoP", tokens.GetProperty("token_type").GetString()); // §5
        var cnf = Jwt.Decode(tokens.GetProperty("access_token").GetString()!).Payload.GetProperty("cnf");
        Assert.Equal(JsonValueKind.Object, cnf.ValueKind); // §6.1: a JSON object, not a string
        Assert.Equal(_key.Thumbprint, cnf.GetProperty("jkt").GetString());
        Assert.False(Jwt.Decode(tokens.GetProperty("id_token").GetString()!).Payload.TryGetProperty("cnf", out _));
    }

    public static TheoryData<string, Func<DPoPProof, string>> BadProofs => new()
    {
        { "htu", key => key.Create("POST", "http://127.0.0.1:5001/connect/other") },
        { "htm", key => key.Create("GET", TokenEndpoint) },
        { "iat", key => key.Create("POST", TokenEndpoint, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-5)) },
        { "alg", key => key.Create("POST", TokenEndpoint, algorithm: "none") },
        { "alg", key => key.Create("POST", TokenEndpoint, algorithm: SecurityAlgorithms.HmacSha256) },
        { "jwk", key => key.Create("POST", TokenEndpoint, withPrivateKey: true) },
        { "typ", key => key.Create("POST", TokenEndpoint, type: "JWT") },
        { "DPoP", _ => "not-a-jwt" },
    };

    [Theory]
    [MemberData(nameof(BadProofs))]
    public async Task Bad_proof_is_invalid_dpop_proof(string named, Func<DPoPProof, string> proof)
    {
        using var browser = factory.CreateBrowser();
        var (_, response) = await RedeemAsync(browser, proof);

        var error = await CodeFlow.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_dpop_proof", error.GetProperty("error").GetString());
        Assert.Contains(named, error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replayed_proof_is_invalid_dpop_proof()
    {
        using var browser = factory.CreateBrowser();
        var proof = _key.Create("POST", TokenEndpoint);
        var (flow, first) = await RedeemAsync(browser, _ => proof);
        var refreshToken = (await CodeFlow.ReadJsonAsync(first, HttpStatusCode.OK)).GetProperty("refresh_token").GetString()!;

        var error = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refreshToken, proof), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_dpop_proof", error.GetProperty("error").GetString());
        Assert.Contains("jti", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bound_refresh_token_refreshes_only_with_a_proof_of_the_same_key()
    {
        using var browser = factory.CreateBrowser();
        using var otherKey = new DPoPProof();
        var (flow, response) = await RedeemAsync(browser, key => key.Create("POST", TokenEndpoint));
        var refreshToken = (await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("refresh_token").GetString()!;

        var withoutProof = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refreshToken), HttpStatusCode.BadRequest);
        var otherProof = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refreshToken, otherKey.Create("POST", TokenEndpoint)), HttpStatusCode.BadRequest);
        var sameKey = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refreshToken, _key.Create("POST", TokenEndpoint)), HttpStatusCode.OK);

        Assert.Equal("invalid_dpop_proof", withoutProof.GetProperty("error").GetString());
        Assert.Equal("invalid_dpop_proof", otherProof.GetProperty("error").GetString());
        Assert.Equal("DPoP", sameKey.GetProperty("token_type").GetString());
        Assert.Equal(_key.Thumbprint, Jwt.Decode(sameKey.GetProperty("access_token").GetString()!).Payload.GetProperty("cnf").GetProperty("jkt").GetString());
        // The rotated refresh token is still bound.
        var rotated = sameKey.GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await flow.RefreshAsync(rotated, otherKey.Create("POST", TokenEndpoint))).StatusCode);
    }

    [Fact]
    public async Task Bound_access_token_can_be_revoked()
    {
        using var browser = factory.CreateBrowser();
        var (flow, response) = await RedeemAsync(browser, key => key.Create("POST", TokenEndpoint));
        var accessToken = (await CodeFlow.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("access_token").GetString()!;

        var revoked = await flow.BackChannelAsync("/connect/revoke", new() { ["token"] = accessToken, ["token_type_hint"] = "access_token" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode); // RFC 7009 needs no proof, and cnf.jkt is no obstacle
    }

    [Fact]
    public async Task Discovery_lists_the_proof_algorithms()
    {
        using var client = factory.CreateBrowser();
        var metadata = await CodeFlow.ReadJsonAsync(await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)), HttpStatusCode.OK);

        var algorithms = metadata.GetProperty("dpop_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("ES256", algorithms);
        Assert.Contains("PS256", algorithms);
        Assert.DoesNotContain("none", algorithms);
        Assert.DoesNotContain(algorithms, a => a!.StartsWith("HS", StringComparison.Ordinal));
    }
}
