using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Session;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// One whole flow against the real sandbox, recorded by the sample's OpenTelemetry pipeline: sign-in (pushed request,
/// code redemption), the photos page (a refresh first: access tokens live 30 s, less than the 60 s refresh margin,
/// then the API call), a callback with a real code and a forged state (rejected), and sign-out (revocation).
/// </summary>
public sealed class TelemetryFlow : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _backchannelResponses = new();
    private TestHosts _hosts = null!;

    internal TelemetryCapture Capture { get; } = new();

    /// <summary>Every secret the flow used, from the sandbox's recorded requests, the browsers and the token store.</summary>
    public List<(string Kind, string Value)> Secrets { get; } = [];

    public bool Pushed { get; private set; }

    public async Task InitializeAsync()
    {
        _hosts = new TestHosts(
            configureClient: builder => Capture.AddTo(builder, services =>
            {
                services.ConfigureHttpClientDefaults(http =>
                    http.ConfigurePrimaryHttpMessageHandler(() => new BackchannelRecorder(_hosts.Router.CreateHandler(), _backchannelResponses)));
                RecordingTokenStore.Decorate(services);
            }),
            authServerSettings: new Dictionary<string, string> { ["AuthServer:AccessTokenLifetime"] = "00:00:30" });
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");
        Expect(gallery.Html.Contains("Harbour at dawn", StringComparison.Ordinal), "the gallery after sign-in");
        Expect((await browser.GetAsync(TestHosts.ClientOrigin + "photos")).Status == HttpStatusCode.OK, "the photos page");
        var sessionCookies = browser.Cookies.GetAllCookies().Where(c => c.Name.Contains(CookieSecurity.SessionCookie, StringComparison.Ordinal)).Select(c => c.Value).ToList();

        var attacker = _hosts.NewBrowser();
        var callback = await _hosts.SignInUntilCallbackAsync(attacker, "bob");
        var query = QueryHelpers.ParseQuery(callback.Query);
        var forged = QueryHelpers.AddQueryString(TestHosts.ClientOrigin + "callback", new Dictionary<string, string?>
        {
            ["code"] = query["code"], ["state"] = "forged-" + Guid.NewGuid().ToString("N"), ["iss"] = query["iss"],
        });
        Expect((await attacker.GetAsync(forged)).Status == HttpStatusCode.BadRequest, "the forged callback's rejection");

        var signedOut = await browser.SubmitAsync(await browser.GetAsync(TestHosts.ClientOrigin.AbsoluteUri), "Sign out");
        Expect(signedOut.Html.Contains("signed out", StringComparison.OrdinalIgnoreCase), "the signed-out page");
        Capture.Flush(_hosts.Client.Services);

        Pushed = _hosts.Router.Count("POST", "/connect/par") > 0;
        Secrets.AddRange(FlowSecrets.Collect(_hosts, browser, _backchannelResponses));
        Secrets.AddRange(FlowSecrets.Collect(_hosts, attacker, _backchannelResponses));
        Secrets.AddRange(sessionCookies.Select(v => ("session cookie", v)));
        var store = (RecordingTokenStore)_hosts.Client.Services.GetRequiredService<ITokenStore>();
        foreach (var sessionId in store.StoredSessions.Distinct())
        {
            Secrets.Add(("session id", sessionId));
            Secrets.Add(("session key", SessionClaims.Key(sessionId)));
        }
    }

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The flow did not reach {what}.");
        }
    }
}
