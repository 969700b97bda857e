using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using OAuthWebClient.Testing;
using Sandbox.PhotosApi;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>The sandbox photos API on a free loopback port, trusting oidc-provider: its JWT access tokens for this resource (RFC 8707, RFC 9068).</summary>
public sealed class OidcProviderPhotosApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OidcProviderPhotosApi(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>The API's origin, also its resource indicator and the tokens' audience.</summary>
    public Uri Origin { get; }

    public static async Task<OidcProviderPhotosApi> StartAsync(Uri origin, Uri authority)
    {
        var app = PhotosApiApp.Build([], builder =>
        {
            builder.WebHost.UseUrls(origin.GetLeftPart(UriPartial.Authority));
            builder.Configuration["PhotosApi:Authority"] = authority.AbsoluteUri.TrimEnd('/');
            builder.Configuration["PhotosApi:Audience"] = origin.AbsoluteUri;
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        });
        await app.StartAsync();
        return new OidcProviderPhotosApi(app, origin);
    }

    /// <summary>A fresh origin for <see cref="StartAsync"/>.</summary>
    public static Uri NewOrigin() => new($"http://127.0.0.1:{FreePort.Next()}/");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
