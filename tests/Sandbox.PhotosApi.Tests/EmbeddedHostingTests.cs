using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sandbox.PhotosApi.Tests;

/// <summary>The entry-point contract another app relies on to host the API in-process.</summary>
public sealed class EmbeddedHostingTests : IDisposable
{
    private readonly TestAuthority _authority = new();

    public void Dispose() => _authority.Dispose();

    private async Task<WebApplication> StartAsync(string audience, string contentRoot)
    {
        var app = PhotosApiApp.Build(["--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PhotosApi:Authority"] = _authority.Issuer,
                ["PhotosApi:Audience"] = audience,
            });
            builder.WebHost.UseTestServer();
            builder.Services.PostConfigureAll<JwtBearerOptions>(options => options.BackchannelHttpHandler = new MetadataHandler(_authority));
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> GetAsync(WebApplication app, string path, string token)
    {
        using var client = app.GetTestServer().CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    [Fact]
    public async Task Configuration_supplied_by_the_host_replaces_the_defaults()
    {
        await using var app = await StartAsync("embedded-photos", Path.GetTempPath());

        using var accepted = await GetAsync(app, "/photos", _authority.Mint(audience: "embedded-photos"));
        using var refused = await GetAsync(app, "/photos", _authority.Mint(audience: "photos-api"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Images_are_served_whatever_the_host_content_root()
    {
        await using var app = await StartAsync("photos-api", Path.GetTempPath());

        using var response = await GetAsync(app, "/photos/snowy-summit/thumbnail", _authority.Mint("bob"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Entry_point_type_stays_internal_so_a_host_app_keeps_its_own_Program()
    {
        var program = typeof(PhotosApiApp).Assembly.EntryPoint?.DeclaringType;

        Assert.NotNull(program);
        Assert.False(program.IsPublic);
    }
}
