using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Testing;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// The app exactly as <c>dotnet run</c> starts it, on real Kestrel and free loopback ports: the client on
/// <c>localhost</c>, the embedded OpenIddict sandbox and photos API on <c>127.0.0.1</c> — another site, so cookies
/// cross sites as they do in production. A test handler on the token endpoint client records what must stay secret.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    static AppHost()
    {
        // No inotify: each file watcher (settings files, asp-append-version) costs an inotify instance, and the per-user
        // limit (often 128) is shared with every other test process running at the same time; once it is exhausted a
        // page that needs a watcher fails. Settings are not reloaded, and static files are polled instead.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private AppHost(AppHostSettings settings)
    {
        ClientOrigin = new Uri($"http://localhost:{settings.ClientPort ?? FreePort.Next()}");
        AuthServerOrigin = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        PhotosApiOrigin = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        ClientSecret = "browser-test-secret-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Traffic.AddClientSecret(ClientSecret);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(settings.Environment);
            builder.UseSetting("urls", ClientOrigin.GetLeftPart(UriPartial.Authority));
            builder.UseSetting("OAuth:Authority", "");
            // The sandbox starts by itself only in Development; a Production run of the sample asks for it explicitly.
            builder.UseSetting("Sandbox:Enabled", "true");
            builder.UseSetting("OAuth:ClientSecret", ClientSecret);
            builder.UseSetting("Sandbox:AuthServerUrl", AuthServerOrigin.GetLeftPart(UriPartial.Authority));
            builder.UseSetting("Sandbox:PhotosApiUrl", PhotosApiOrigin.GetLeftPart(UriPartial.Authority));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (settings.AccessTokenLifetime is { } lifetime)
            {
                builder.UseSetting("Sandbox:AccessTokenLifetime", lifetime.ToString("c"));
            }

            foreach (var (key, value) in settings.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient<TokenEndpointClient>().AddHttpMessageHandler(() => new TokenTrafficHandler(Traffic));
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            });
        });
        _factory.UseKestrel();
        _factory.StartServer();
    }

    /// <summary>The client, e.g. <c>http://localhost:41234</c>.</summary>
    public Uri ClientOrigin { get; }

    /// <summary>The sandbox authorization server (and issuer), e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public Uri AuthServerOrigin { get; }

    public Uri PhotosApiOrigin { get; }

    /// <summary>A fresh client secret per host, so a leak of it cannot hide behind a well-known value.</summary>
    public string ClientSecret { get; }

    public TokenTraffic Traffic { get; } = new();

    /// <summary>What the app logged (at the host's level, Warning and above by default).</summary>
    public LogCapture Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the app and warms it up: the first sign-in pays for JIT, OpenIddict and EF Core start-up, which on two
    /// busy cores can take longer than a browser step may wait. A throw-away walk to the sandbox's login page pays it here.
    /// </summary>
    public static async Task<AppHost> StartAsync(AppHostSettings? settings = null)
    {
        var host = new AppHost(settings ?? new AppHostSettings());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        try
        {
            using var login = await http.GetAsync(host.Url("/account/login?returnUrl=%2F"));
            using var api = await http.GetAsync(new Uri(host.PhotosApiOrigin, "/photos"));
        }
        catch (HttpRequestException)
        {
            // A host whose authorization server is meant to be unreachable: nothing to warm.
        }

        return host;
    }

    public string Url(string pathAndQuery) => new Uri(ClientOrigin, pathAndQuery).AbsoluteUri;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
