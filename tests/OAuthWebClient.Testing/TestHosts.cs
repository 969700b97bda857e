using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.AuthServer;
using Sandbox.PhotosApi;

namespace OAuthWebClient.Testing;

/// <summary>
/// The real system in memory: the OpenIddict sandbox authorization server, the photos API and the client, each in
/// its own WebApplicationFactory, connected by <see cref="HostRouter"/>. The client's back-channel (metadata,
/// token endpoint, photos API) goes through the router to the other test servers, and so do the sandbox's logout tokens.
/// </summary>
public sealed class TestHosts : IAsyncDisposable
{
    public static readonly Uri AuthServerOrigin = new("http://127.0.0.1:5001");
    public static readonly Uri PhotosApiOrigin = new("http://127.0.0.1:5002");
    public static readonly Uri ClientOrigin = new("http://localhost");
    public const string Issuer = "http://127.0.0.1:5001/";
    public const string ClientId = "oauth-web-client";
    public const string ClientSecret = "integration-test-secret";

    private readonly List<IAsyncDisposable> _factories = [];

    private readonly Action<IWebHostBuilder>? _configureClient;
    private readonly List<WebApplicationFactory<Program>> _clients = [];
    private int _activeClient;

    /// <param name="configureClient">Applied to every client instance.</param>
    /// <param name="authServerSettings">Sandbox settings, e.g. <c>AuthServer:AccessTokenLifetime</c>.</param>
    /// <param name="clientInstances">Client instances behind the same origin; <see cref="UseClientInstance"/> picks the one that answers.</param>
    public TestHosts(Action<IWebHostBuilder>? configureClient = null, IDictionary<string, string>? authServerSettings = null, int clientInstances = 1)
    {
        _configureClient = configureClient;
        AuthServer = new WebApplicationFactory<AuthServerApp>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AuthServer:Issuer", Issuer);
            builder.UseSetting("AuthServer:Clients:0:ClientId", ClientId);
            builder.UseSetting("AuthServer:Clients:0:ClientSecret", ClientSecret);
            builder.UseSetting("AuthServer:Clients:0:DisplayName", "OAuthWebClient");
            builder.UseSetting("AuthServer:Clients:0:RedirectUris:0", ClientOrigin + "callback");
            builder.UseSetting("AuthServer:Clients:0:PostLogoutRedirectUris:0", ClientOrigin + "account/signed-out");
            builder.UseSetting("AuthServer:Clients:0:BackchannelLogoutUri", ClientOrigin + "backchannel-logout");
            // The sandbox's back-channel (logout tokens) reaches the client instance that currently answers.
            builder.ConfigureTestServices(services =>
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(Router.CreateHandler)));
            foreach (var (key, value) in authServerSettings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        PhotosApi = new WebApplicationFactory<PhotosApiApp>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("PhotosApi:Authority", Issuer);
            builder.ConfigureTestServices(services => services.PostConfigureAll<JwtBearerOptions>(
                options => options.BackchannelHttpHandler = Router.CreateHandler()));
        });
        for (var i = 0; i < clientInstances; i++)
        {
            AddClientInstance();
        }

        _factories.AddRange([PhotosApi, AuthServer]);
        Router.Add(AuthServerOrigin, () => AuthServer.Server);
        Router.Add(PhotosApiOrigin, () => PhotosApi.Server);
        Router.Add(ClientOrigin, () => Client.Server);
    }

    /// <summary>
    /// The authorization request's parameters as the sandbox got them: the redirect's query, or — when the client pushed
    /// the request (RFC 9126) and the browser carries only <c>client_id</c> and <c>request_uri</c> — the pushed form.
    /// </summary>
    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> AuthorizationParameters(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        return query.ContainsKey("request_uri")
            ? Router.Requests.Last(r => r.Method == "POST" && r.Path == "/connect/par").Form
            : query;
    }

    /// <summary>The same from the sign-in start page: its redirect, or — when the pushed request was refused — what was pushed.</summary>
    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> AuthorizationParameters(BrowserPage login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return login.Location is { } location ? AuthorizationParameters(location) : Router.Requests.Last(r => r.Method == "POST" && r.Path == "/connect/par").Form;
    }

    /// <summary>Starts one more client instance (sharing whatever the configuration shares, e.g. Redis) and returns its index.</summary>
    public int AddClientInstance(Action<IWebHostBuilder>? configure = null)
    {
        _clients.Add(new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("OAuth:Authority", Issuer);
            builder.UseSetting("OAuth:ClientId", ClientId);
            builder.UseSetting("OAuth:ClientSecret", ClientSecret);
            builder.UseSetting("PhotosApi:BaseAddress", PhotosApiOrigin.ToString());
            builder.ConfigureTestServices(services =>
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(Router.CreateHandler)));
            _configureClient?.Invoke(builder);
            configure?.Invoke(builder);
        }));
        return _clients.Count - 1;
    }

    /// <summary>The load balancer: from now on, requests to the client's origin go to this instance.</summary>
    public void UseClientInstance(int index) => _activeClient = index;

    /// <summary>Stops an instance (a restart is: dispose it, then <see cref="AddClientInstance"/>).</summary>
    public async Task DisposeClientInstanceAsync(int index) => await _clients[index].DisposeAsync();

    public WebApplicationFactory<Program> ClientInstance(int index) => _clients[index];

    public HostRouter Router { get; } = new();

    public WebApplicationFactory<AuthServerApp> AuthServer { get; }

    public WebApplicationFactory<PhotosApiApp> PhotosApi { get; }

    /// <summary>The client instance that currently answers at <see cref="ClientOrigin"/>.</summary>
    public WebApplicationFactory<Program> Client => _clients[_activeClient];

    public Browser NewBrowser() => new(Router);

    public int TokenEndpointCalls => Router.Count("POST", "/connect/token");

    /// <summary>Login at the client → sandbox login form → consent, stopping at the consent page.</summary>
    public async Task<BrowserPage> StartSignInAsync(Browser browser, string user, string returnUrl = "/photos")
    {
        var login = await browser.GetAsync(ClientOrigin + "account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Expect(login, "Username", "the sandbox login page");
        var consent = await browser.SubmitAsync(login, "Sign in", new Dictionary<string, string> { ["Username"] = user, ["Password"] = user });
        Expect(consent, "Allow", "the consent page");
        return consent;
    }

    /// <summary>The whole sign-in, allowing consent; returns the page the client lands on.</summary>
    public async Task<BrowserPage> SignInAsync(Browser browser, string user, string returnUrl = "/photos") =>
        await browser.SubmitAsync(await StartSignInAsync(browser, user, returnUrl), "Allow", button: "decision=allow");

    /// <summary>Signs in but stops at the redirect to the client's callback, returning its URL (code, state, iss).</summary>
    public async Task<Uri> SignInUntilCallbackAsync(Browser browser, string user)
    {
        var redirect = await browser.SubmitAsync(await StartSignInAsync(browser, user), "Allow", button: "decision=allow", followRedirects: false);
        return redirect.Location ?? throw new InvalidOperationException($"Expected a redirect to the callback, got {(int)redirect.Status}:\n{redirect.Html}");
    }

    /// <summary>
    /// The sandbox's home page, then its "Sign out everywhere" button: the sandbox session ends and its clients get logout
    /// tokens (Back-Channel Logout 1.0). Returns the page listing what each client answered.
    /// </summary>
    public async Task<BrowserPage> SignOutEverywhereAtTheSandboxAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return await browser.SubmitAsync(await browser.GetAsync(new Uri(AuthServerOrigin, "/").AbsoluteUri), "Sign out everywhere");
    }

    private static void Expect(BrowserPage page, string marker, string what)
    {
        if (!page.Html.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected {what}, got {(int)page.Status} at {page.Uri}:\n{page.Html}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }
    }
}
