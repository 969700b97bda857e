using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Sandbox.PhotosApi.Tests;

/// <summary>Hosts the photos API on TestServer, trusting <see cref="TestAuthority"/> through its real discovery path.</summary>
public sealed class PhotosApiFactory : WebApplicationFactory<PhotosApiApp>
{
    public TestAuthority Authority { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PhotosApi:Authority", Authority.Issuer);
        builder.UseSetting("PhotosApi:Audience", TestAuthority.Audience);
        builder.ConfigureTestServices(services =>
            // Registered after the API's own setup: the back-channel is still honoured (it is read at first fetch).
            services.PostConfigureAll<JwtBearerOptions>(options => options.BackchannelHttpHandler = new MetadataHandler(Authority)));
    }

    /// <summary>
    /// A client that sends <paramref name="token"/> as a bearer token (RFC 6750 §2.1) — or with another scheme, e.g. DPoP
    /// (RFC 9449 §7.1) — or nothing when null.
    /// </summary>
    public HttpClient ClientWith(string? token, string scheme = "Bearer")
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Authority.Dispose();
        }

        base.Dispose(disposing);
    }
}
