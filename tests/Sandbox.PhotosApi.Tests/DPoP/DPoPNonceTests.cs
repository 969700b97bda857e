using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sandbox.DPoP.Testing;

namespace Sandbox.PhotosApi.Tests.DPoP;

/// <summary>PhotosApi:DPoP:RequireNonce (RFC 9449 §9): a 401 use_dpop_nonce challenge with a DPoP-Nonce header, then success with it.</summary>
public sealed class DPoPNonceTests : IDisposable
{
    private readonly PhotosApiFactory _api = new();
    private readonly WebApplicationFactory<PhotosApiApp> _factory;
    private readonly DPoPProof _key = new();

    public DPoPNonceTests() =>
        _factory = _api.WithWebHostBuilder(builder => builder.UseSetting("PhotosApi:DPoP:RequireNonce", "true"));

    public void Dispose()
    {
        _key.Dispose();
        _factory.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task Proof_without_the_nonce_gets_use_dpop_nonce_and_the_retry_with_it_succeeds()
    {
        var token = _api.Authority.Mint(jkt: _key.Thumbprint);
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("DPoP", token);

        using var first = await DPoPResourceTests.GetPhotosAsync(client, _key.Create("GET", DPoPResourceTests.PhotosUrl, accessToken: token));
        var nonce = Assert.Single(first.Headers.GetValues("DPoP-Nonce"));
        using var retry = await DPoPResourceTests.GetPhotosAsync(client, _key.Create("GET", DPoPResourceTests.PhotosUrl, accessToken: token, nonce: nonce));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.StartsWith("DPoP error=\"use_dpop_nonce\"", DPoPResourceTests.Challenge(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }
}
