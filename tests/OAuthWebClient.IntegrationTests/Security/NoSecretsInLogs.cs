using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthWebClient.Testing;
using OAuthWebClient.Web;
using OAuthWebClient.Client;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// No secret reaches a log sink: the whole flow — sign in, photos, refresh, sign out — runs with every category at
/// Trace (HttpClient logging included), and no code, state, code_verifier, token, client secret or Authorization
/// header value appears in any message, structured value, scope or exception text.
/// </summary>
public sealed class NoSecretsInLogs
{
    [Fact]
    public async Task Whole_flow_at_trace_level_logs_no_code_state_verifier_token_or_secret()
    {
        var capture = new LogCapture();
        var backchannelResponses = new ConcurrentQueue<string>();
        TestHosts hosts = null!;
        hosts = new TestHosts(
            configureClient: builder =>
            {
                builder.UseSetting("Logging:LogLevel:Default", "Trace");
                builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
                builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
                builder.UseSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace");
                builder.ConfigureLogging(logging =>
                {
                    logging.SetMinimumLevel(LogLevel.Trace);
                    logging.AddFilter(_ => true);
                    logging.AddProvider(capture);
                });
                builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(http =>
                    http.ConfigurePrimaryHttpMessageHandler(() => new BackchannelRecorder(hosts.Router.CreateHandler(), backchannelResponses))));
            },
            // Access tokens live 30 s, less than the client's 60 s refresh margin: every API call refreshes first.
            authServerSettings: new Dictionary<string, string> { ["AuthServer:AccessTokenLifetime"] = "00:00:30" });
        await using var _ = hosts;
        var browser = hosts.NewBrowser();

        var gallery = await hosts.SignInAsync(browser, "alice");
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(TestHosts.ClientOrigin + "photos")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(TestHosts.ClientOrigin + "photos/harbour-at-dawn/thumbnail")).Status);
        var sessionCookies = browser.Cookies.GetAllCookies().Where(c => c.Name.Contains(CookieSecurity.SessionCookie, StringComparison.Ordinal)).Select(c => c.Value).ToList();
        var home = await browser.GetAsync(TestHosts.ClientOrigin.AbsoluteUri);
        var signedOut = await browser.SubmitAsync(home, "Sign out");
        Assert.Contains("signed out", signedOut.Html, StringComparison.OrdinalIgnoreCase);

        var secrets = FlowSecrets.Collect(hosts, browser, backchannelResponses);
        secrets.AddRange(sessionCookies.Select(v => ("session cookie", v)));
        Assert.Contains(secrets, s => s.Kind == "code");
        Assert.Contains(secrets, s => s.Kind == "state");
        Assert.Contains(secrets, s => s.Kind == "code_verifier");
        Assert.Contains(secrets, s => s.Kind == "id_token");
        Assert.Contains(secrets, s => s.Kind == "Basic credentials");
        Assert.Contains(secrets, s => s.Kind == "Bearer token");
        Assert.True(secrets.Count(s => s.Kind == "refresh_token") >= 2, "The flow should have refreshed (rotating the refresh token).");
        Assert.True(hosts.Router.Requests.Count(r => r.Body?.Contains("grant_type=refresh_token", StringComparison.Ordinal) == true) >= 1);
        Assert.True(hosts.Router.Count("POST", "/connect/revoke") >= 1);
        Assert.Contains(secrets, s => s.Kind == "logout_token"); // the sandbox's back-channel logout at sign-out

        // The capture really saw trace-level framework logging, including the callback URL that carried code and state.
        var entries = capture.Entries.ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Trace && e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) && e.Message.Contains("/callback", StringComparison.Ordinal));

        var leaks = (from entry in entries
                     from secret in secrets
                     where entry.AllText.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.Kind} in [{entry.Level}] {entry.Category} ({entry.EventId.Name}): {Excerpt(entry.AllText, secret.Value)}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} secret(s) reached the logs:\n" + string.Join('\n', leaks.Take(20)));
    }

    private static string Excerpt(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 80);
        return new StringBuilder(text[start..Math.Min(text.Length, at + secret.Length + 40)]).Replace('\n', ' ').ToString();
    }
}
