using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Testing;

/// <summary>
/// The client in a <see cref="WebApplicationFactory{TEntryPoint}"/> whose whole back-channel (metadata, JWKS, token
/// endpoint, photos API) goes to a <see cref="ScriptedAuthorizationServer"/>, with a fake clock, a recording token
/// store and a log capture. The browser reaches the client through a <see cref="HostRouter"/>; the authorization
/// endpoint itself is played by the test (<see cref="BeginSignInAsync"/> + <see cref="CallbackAsync(Browser, string)"/>).
/// </summary>
public sealed class ScriptedClientHost : IAsyncDisposable
{
    public static readonly Uri DefaultClientOrigin = new("http://localhost/");

    /// <param name="clientOrigin">Where the browser reaches the client; default <c>http://localhost/</c>.</param>
    public ScriptedClientHost(ScriptedAuthorizationServer? server = null, IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null, Uri? clientOrigin = null)
    {
        ClientOrigin = clientOrigin ?? DefaultClientOrigin;
        Server = server ?? new ScriptedAuthorizationServer();
        Server.Time = Time;
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("OAuth:Authority", Server.Issuer);
            builder.UseSetting("OAuth:ClientId", ScriptedAuthorizationServer.ClientId);
            builder.UseSetting("OAuth:ClientSecret", ScriptedAuthorizationServer.ClientSecret);
            builder.UseSetting("PhotosApi:BaseAddress", Server.PhotosApiOrigin.AbsoluteUri);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            builder.ConfigureTestServices(services =>
            {
                if (Server.Listener is null)
                {
                    // In memory; a server on real sockets (ScriptedAuthorizationServer.ListenOnLoopbackAsync) keeps the real stack.
                    services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(Server.CreateHandler));
                }

                services.AddSingleton<TimeProvider>(Time);
                RecordingTokenStore.Decorate(services);
            });
            configure?.Invoke(builder);
        });
        Router.Add(ClientOrigin, () => Factory.Server);
    }

    /// <summary>
    /// A client whose back-channel reaches a scripted server on real loopback sockets (the real primary HTTP handler
    /// stays): for redirects, slow bodies and everything else only the real stack shows.
    /// </summary>
    public static async Task<ScriptedClientHost> OnLoopbackAsync(IDictionary<string, string?>? settings = null) =>
        new(await ScriptedAuthorizationServer.ListenOnLoopbackAsync(), settings);

    public Uri ClientOrigin { get; }

    public ScriptedAuthorizationServer Server { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> Factory { get; }

    public HostRouter Router { get; } = new();

    public LogCapture Logs { get; } = new();

    /// <summary>Every session the client stored tokens for.</summary>
    public RecordingTokenStore Sessions => (RecordingTokenStore)Factory.Services.GetRequiredService<ITokenStore>();

    public Browser NewBrowser() => new(Router);

    /// <summary><c>/account/login</c>, stopping at the redirect to the authorization endpoint.</summary>
    public async Task<AuthorizationRequestSeen> BeginSignInAsync(Browser browser, string? returnUrl = "/photos")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var login = await browser.GetAsync(ClientOrigin + "account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), followRedirects: false);
        if (login.Status != HttpStatusCode.Redirect || login.Location is null || !login.Location.AbsoluteUri.StartsWith(Server.AuthorizationEndpoint.AbsoluteUri, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected a redirect to {Server.AuthorizationEndpoint}, got {(int)login.Status} {login.Location}:\n{login.Html}");
        }

        return Server.Resolve(login.Location);
    }

    /// <summary>The query of a well-formed authorization response to <paramref name="request"/> (RFC 6749 §4.1.2, RFC 9207).</summary>
    public string ResponseQuery(AuthorizationRequestSeen request, string? code = null, bool withIss = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new Dictionary<string, string?> { ["code"] = code ?? Server.IssueCode(request), ["state"] = request.State };
        if (withIss)
        {
            parameters["iss"] = Server.Issuer;
        }

        return QueryHelpers.AddQueryString("", parameters);
    }

    /// <summary><c>GET /callback{query}</c> without following the redirect.</summary>
    public Task<BrowserPage> CallbackAsync(Browser browser, string query)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return browser.GetAsync(ClientOrigin + "callback" + query, followRedirects: false);
    }

    /// <summary>The authorization server's honest answer to <paramref name="request"/>, delivered to the callback.</summary>
    public Task<BrowserPage> CallbackAsync(Browser browser, AuthorizationRequestSeen request) => CallbackAsync(browser, ResponseQuery(request));

    /// <summary>A whole sign-in; returns the page the browser lands on after the callback's redirect.</summary>
    public async Task<BrowserPage> SignInAsync(Browser browser, string? returnUrl = "/photos")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var callback = await CallbackAsync(browser, await BeginSignInAsync(browser, returnUrl));
        return callback.Status == HttpStatusCode.Redirect && callback.Location is { } location
            ? await browser.GetAsync(location.AbsoluteUri, followRedirects: false)
            : callback;
    }

    /// <summary>
    /// <c>/account/login</c> until it redirects to the authorization endpoint, moving the clock past the metadata
    /// retry backoff (capped at 30 s) between tries, at most four times: a server that recovers is picked up.
    /// </summary>
    public async Task<BrowserPage> LoginAfterMetadataBackoffAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var login = ClientOrigin + "account/login";
        var page = await browser.GetAsync(login, followRedirects: false);
        for (var attempt = 0; attempt < 4 && page.Status != HttpStatusCode.Redirect; attempt++)
        {
            Time.Advance(TimeSpan.FromSeconds(31));
            page = await browser.GetAsync(login, followRedirects: false);
        }

        return page;
    }

    /// <summary>Signed in = the client's pages offer "Sign out" (the session cookie maps to stored tokens).</summary>
    public async Task<bool> IsSignedInAsync(Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var home = await browser.GetAsync(ClientOrigin.AbsoluteUri, followRedirects: false);
        return home.Html.Contains("action=\"/account/logout\"", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (Server.Listener is { } listener)
        {
            await listener.DisposeAsync();
        }
    }
}
