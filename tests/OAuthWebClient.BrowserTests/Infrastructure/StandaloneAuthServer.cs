using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthWebClient.Testing;
using Sandbox.AuthServer;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// The sandbox authorization server (OpenIddict) on a free loopback port, on its own rather than embedded in the app:
/// for a client that has it as one named provider among others, with that provider's redirect URI registered.
/// </summary>
public sealed class StandaloneAuthServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandaloneAuthServer(WebApplication app, Uri issuer, ServerRequests requests)
    {
        _app = app;
        Issuer = issuer;
        Requests = requests;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Issuer { get; }

    /// <summary>Every request it received (e.g. its token endpoint's forms and DPoP proofs).</summary>
    public ServerRequests Requests { get; }

    /// <summary>
    /// Starts it with one client registered: <paramref name="client"/>'s id, secret and redirect URIs (its <c>PhotosResource</c>
    /// is the access tokens' <c>aud</c>) — or, with <c>ClientJwks</c>, its public keys instead of the secret — and its
    /// <c>RequirePushedAuthorizationRequests</c> and <c>BackchannelLogoutUri</c>.
    /// </summary>
    public static async Task<StandaloneAuthServer> StartAsync(OidcProviderSettings client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var requests = new ServerRequests();
        var app = AuthServerApp.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AuthServer:Issuer"] = issuer.AbsoluteUri,
                ["AuthServer:PhotosApiAudience"] = client.PhotosResource,
                ["AuthServer:AccessTokenLifetime"] = client.AccessTokenLifetime.ToString("c"),
                ["AuthServer:Clients:0:ClientId"] = client.ClientId,
                ["AuthServer:Clients:0:ClientSecret"] = client.ClientJwks is null ? client.ClientSecret : null,
                ["AuthServer:Clients:0:Jwks"] = client.ClientJwks,
                ["AuthServer:Clients:0:RequirePushedAuthorizationRequests"] = client.RequirePushedAuthorizationRequests ? "true" : "false",
                ["AuthServer:Clients:0:BackchannelLogoutUri"] = client.BackchannelLogoutUri?.AbsoluteUri,
                ["AuthServer:Clients:0:DisplayName"] = "OAuthWebClient",
                ["AuthServer:Clients:0:RedirectUris:0"] = client.RedirectUri.AbsoluteUri,
                ["AuthServer:Clients:0:PostLogoutRedirectUris:0"] = client.PostLogoutRedirectUri.AbsoluteUri,
            });
            builder.WebHost.UseUrls(issuer.GetLeftPart(UriPartial.Authority));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IStartupFilter>(requests);
        });
        await app.StartAsync();
        return new StandaloneAuthServer(app, issuer, requests);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
