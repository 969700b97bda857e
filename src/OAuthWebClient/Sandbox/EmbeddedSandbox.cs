using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using Sandbox.AuthServer;
using Sandbox.PhotosApi;

namespace OAuthWebClient.Sandbox;

/// <summary>
/// Starts the sandbox authorization server (OpenIddict) and photos API on loopback, in this process, with this
/// client registered — so <c>dotnet run</c> gives a working sign-in with no account anywhere.
/// </summary>
public sealed class EmbeddedSandbox(
    IOptions<EmbeddedSandboxOptions> sandboxOptions,
    IOptions<OAuthClientOptions> clientOptions,
    IClientJwks clientJwks,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<EmbeddedSandbox> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!EmbeddedSandboxOptions.IsEnabled(configuration, environment))
        {
            return;
        }

        var sandbox = sandboxOptions.Value;
        var client = clientOptions.Value;
        var issuer = sandbox.AuthServerUrl.GetLeftPart(UriPartial.Authority) + "/";
        var clientOrigins = ClientOrigins();
        var authServer = new Dictionary<string, string?>
        {
            ["AuthServer:Issuer"] = issuer,
            ["AuthServer:AccessTokenLifetime"] = sandbox.AccessTokenLifetime.ToString("c"),
            ["AuthServer:Clients:0:ClientId"] = client.ClientId,
            ["AuthServer:Clients:0:ClientSecret"] = client.ClientSecret,
            ["AuthServer:Clients:0:DisplayName"] = "OAuthWebClient",
            // Back-Channel Logout 1.0 §2.2: one URI per client, so the first origin's.
            ["AuthServer:Clients:0:BackchannelLogoutUri"] = clientOrigins[0] + client.BackchannelLogoutPath,
        };
        if (client.ClientAuthentication == ClientAuthenticationMethod.PrivateKeyJwt)
        {
            // RFC 7523 §2.2: the sandbox knows the client by the public keys it serves at /.well-known/jwks.json.
            authServer["AuthServer:Clients:0:Jwks"] = clientJwks.Document;
        }

        for (var i = 0; i < clientOrigins.Count; i++)
        {
            authServer[$"AuthServer:Clients:0:RedirectUris:{i}"] = clientOrigins[i] + client.CallbackPath;
            authServer[$"AuthServer:Clients:0:PostLogoutRedirectUris:{i}"] = clientOrigins[i] + client.SignedOutCallbackPath;
        }

        await StartAsync(AuthServerApp.Build([], b => Configure(b, sandbox.AuthServerUrl, authServer)), cancellationToken);
        await StartAsync(PhotosApiApp.Build([], b => Configure(b, sandbox.PhotosApiUrl, new()
        {
            ["PhotosApi:Authority"] = issuer,
        })), cancellationToken);
        Log.SandboxStarted(logger, sandbox.AuthServerUrl, sandbox.PhotosApiUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A snapshot: if the host's shutdown times out, disposal may run while this still iterates.
        foreach (var app in Snapshot())
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        WebApplication[] apps;
        lock (_apps)
        {
            apps = [.. _apps];
            _apps.Clear();
        }

        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
    }

    private WebApplication[] Snapshot()
    {
        lock (_apps)
        {
            return [.. _apps];
        }
    }

    private async Task StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        lock (_apps)
        {
            _apps.Add(app);
        }

        await app.StartAsync(cancellationToken);
    }

    /// <summary>The sandbox reads only what the client gives it (not the client's settings file), and binds to loopback.</summary>
    private void Configure(WebApplicationBuilder builder, Uri url, Dictionary<string, string?> settings)
    {
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddConsole();
    }

    /// <summary>The redirect URIs registered for this client: its public origin, or each URL it listens on.</summary>
    private List<string> ClientOrigins()
    {
        if (clientOptions.Value.PublicOrigin is { } origin)
        {
            return [origin.GetLeftPart(UriPartial.Authority)];
        }

        var urls = configuration["urls"] ?? "http://localhost:5000";
        return [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(u => u.Trim().TrimEnd('/'))];
    }
}
