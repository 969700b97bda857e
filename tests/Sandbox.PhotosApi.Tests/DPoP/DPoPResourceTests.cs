using System.Net;
using Sandbox.DPoP.Testing;

namespace Sandbox.PhotosApi.Tests.DPoP;

/// <summary>The photos API as a DPoP protected resource (RFC 9449 §7): bound tokens need the DPoP scheme and a matching proof.</summary>
public sealed class DPoPResourceTests(PhotosApiFactory factory) : IClassFixture<PhotosApiFactory>, IDisposable
{
    public const string PhotosUrl = "http://localhost/photos";

    private readonly DPoPProof _key = new();

    public void Dispose() => _key.Dispose();

    internal static async Task<HttpResponseMessage> GetPhotosAsync(HttpClient client, string? proof)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/photos");
        if (proof is not null)
        {
            request.Headers.Add("DPoP", proof);
        }

        return await client.SendAsync(request);
    }

    internal static string Challenge(HttpResponseMessage response) => string.Join(", ", response.Headers.WwwAuthenticate.Select(v => v.ToString()));

    [Fact]
    public async Task Bound_token_with_the_DPoP_scheme_and_a_valid_proof_is_200()
    {
        var token = factory.Authority.Mint(jkt: _key.Thumbprint);
        using var client = factory.ClientWith(token, "DPoP");

        using var response = await GetPhotosAsync(client, _key.Create("GET", PhotosUrl, accessToken: token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bound_token_sent_as_Bearer_is_401_with_a_DPoP_invalid_token_challenge()
    {
        var token = factory.Authority.Mint(jkt: _key.Thumbprint);
        using var client = factory.ClientWith(token);

        using var response = await GetPhotosAsync(client, _key.Create("GET", PhotosUrl, accessToken: token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
        Assert.Contains("algs=\"ES256 PS256", Challenge(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_token_sent_with_the_DPoP_scheme_is_401_invalid_token()
    {
        var token = factory.Authority.Mint();
        using var client = factory.ClientWith(token, "DPoP");

        using var response = await GetPhotosAsync(client, _key.Create("GET", PhotosUrl, accessToken: token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<DPoPProof, string, string?>> BadProofs => new()
    {
        { "ath", (key, _) => key.Create("GET", PhotosUrl, accessToken: "another-token") },
        { "htu", (key, token) => key.Create("GET", "http://localhost/other", accessToken: token) },
        { "htm", (key, token) => key.Create("POST", PhotosUrl, accessToken: token) },
        { "iat", (key, token) => key.Create("GET", PhotosUrl, accessToken: token, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-2)) },
        { "another key", (_, token) => { using var other = new DPoPProof(); return other.Create("GET", PhotosUrl, accessToken: token); } },
        { "Exactly one DPoP header", (_, _) => null },
    };

    [Theory]
    [MemberData(nameof(BadProofs))]
    public async Task Bound_token_with_a_bad_or_missing_proof_is_401_invalid_dpop_proof(string reason, Func<DPoPProof, string, string?> proof)
    {
        var token = factory.Authority.Mint(jkt: _key.Thumbprint);
        using var client = factory.ClientWith(token, "DPoP");

        using var response = await GetPhotosAsync(client, proof(_key, token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_dpop_proof\"", Challenge(response), StringComparison.Ordinal);
        Assert.Contains(reason, Challenge(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replayed_proof_is_401_invalid_dpop_proof()
    {
        var token = factory.Authority.Mint(jkt: _key.Thumbprint);
        using var client = factory.ClientWith(token, "DPoP");
        var proof = _key.Create("GET", PhotosUrl, accessToken: token);
        using var first = await GetPhotosAsync(client, proof);

        using var replay = await GetPhotosAsync(client, proof);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("jti", Challenge(replay), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_bound_token_is_401_with_a_DPoP_invalid_token_challenge()
    {
        var token = factory.Authority.Mint(jkt: _key.Thumbprint, expires: DateTime.UtcNow.AddMinutes(-10));
        using var client = factory.ClientWith(token, "DPoP");

        using var response = await GetPhotosAsync(client, _key.Create("GET", PhotosUrl, accessToken: token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("DPoP error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
    }
}
