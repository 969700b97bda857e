using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Testing;
using Sandbox.PhotosApi;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// The sandbox photos API on a free loopback port, trusting the given authorities (<c>PhotosApi:Authorities</c>): their
/// JWT access tokens for this resource (RFC 8707, RFC 9068).
/// </summary>
public sealed class StandalonePhotosApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandalonePhotosApi(WebApplication app, Uri origin, ServerRequests requests)
    {
        _app = app;
        Origin = origin;
        Requests = requests;
    }

    /// <summary>The API's origin, also its resource indicator and the tokens' audience.</summary>
    public Uri Origin { get; }

    /// <summary>Every request it received, with its <c>Authorization</c> and <c>DPoP</c> headers.</summary>
    public ServerRequests Requests { get; }

    public static async Task<StandalonePhotosApi> StartAsync(Uri origin, params IReadOnlyList<Uri> authorities)
    {
        var requests = new ServerRequests();
        var app = PhotosApiApp.Build([], builder =>
        {
            builder.WebHost.UseUrls(origin.GetLeftPart(UriPartial.Authority));
            for (var i = 0; i < authorities.Count; i++)
            {
                builder.Configuration[$"PhotosApi:Authorities:{i}"] = authorities[i].AbsoluteUri;
            }

            builder.Configuration["PhotosApi:Audience"] = origin.AbsoluteUri;
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Services.AddSingleton<IStartupFilter>(requests);
        });
        await app.StartAsync();
        return new StandalonePhotosApi(app, origin, requests);
    }

    /// <summary>A fresh origin for <see cref="StartAsync"/>.</summary>
    public static Uri NewOrigin() => new($"http://127.0.0.1:{FreePort.Next()}/");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
