using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sandbox.PhotosApi.Tests;

/// <summary>
/// <c>PhotosApi:Authorities</c>: photos work whichever trusted authority issued the token, and each token is checked
/// against the keys of the authority its <c>iss</c> names only (RFC 9068 §4).
/// </summary>
public sealed class SeveralAuthoritiesTests : IDisposable
{
    private readonly TestAuthority _a = new("https://issuer-a.test/");
    private readonly TestAuthority _b = new("https://issuer-b.test/");
    // Serves metadata too, so it is refused for not being trusted, not for being unreachable.
    private readonly TestAuthority _stranger = new("https://issuer-c.test/");

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _stranger.Dispose();
    }

    private async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var app = PhotosApiApp.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseTestServer();
            builder.Services.PostConfigureAll<JwtBearerOptions>(options => options.BackchannelHttpHandler = new MetadataHandler(_a, _b, _stranger));
        });
        await app.StartAsync();
        return app;
    }

    private Task<WebApplication> StartTrustingBothAsync() => StartAsync(new()
    {
        ["PhotosApi:Authorities:0"] = _a.Issuer,
        ["PhotosApi:Authorities:1"] = _b.Issuer,
    });

    private static async Task<HttpResponseMessage> GetPhotosAsync(WebApplication app, string token)
    {
        using var client = app.GetTestServer().CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/photos");
    }

    private static async Task AssertInvalidTokenAsync(WebApplication app, string token)
    {
        using var response = await GetPhotosAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_from_the_first_authority_is_accepted()
    {
        await using var app = await StartTrustingBothAsync();

        using var response = await GetPhotosAsync(app, _a.Mint());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_from_the_second_authority_is_accepted()
    {
        await using var app = await StartTrustingBothAsync();

        using var response = await GetPhotosAsync(app, _b.Mint("bob"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_signed_by_one_authority_claiming_the_other_as_issuer_is_401_invalid_token()
    {
        await using var app = await StartTrustingBothAsync();

        await AssertInvalidTokenAsync(app, _a.Mint(issuer: _b.Issuer));
        await AssertInvalidTokenAsync(app, _b.Mint(issuer: _a.Issuer));
    }

    [Fact]
    public async Task Token_from_an_untrusted_issuer_is_401_invalid_token()
    {
        await using var app = await StartTrustingBothAsync();

        await AssertInvalidTokenAsync(app, _stranger.Mint());
        await AssertInvalidTokenAsync(app, _a.Mint(issuer: _stranger.Issuer));
    }

    [Fact]
    public async Task Token_of_a_trusted_issuer_for_another_audience_is_401_invalid_token()
    {
        await using var app = await StartTrustingBothAsync();

        await AssertInvalidTokenAsync(app, _b.Mint(audience: "some-other-api"));
    }

    [Fact]
    public async Task Single_authority_setting_trusts_that_authority_only()
    {
        await using var app = await StartAsync(new() { ["PhotosApi:Authority"] = _a.Issuer });

        using var accepted = await GetPhotosAsync(app, _a.Mint());
        await AssertInvalidTokenAsync(app, _b.Mint());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Authority_and_Authorities_together_trust_both()
    {
        await using var app = await StartAsync(new()
        {
            ["PhotosApi:Authority"] = _a.Issuer,
            ["PhotosApi:Authorities:0"] = _b.Issuer,
        });

        using var fromA = await GetPhotosAsync(app, _a.Mint());
        using var fromB = await GetPhotosAsync(app, _b.Mint());

        Assert.Equal(HttpStatusCode.OK, fromA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
    }
}
