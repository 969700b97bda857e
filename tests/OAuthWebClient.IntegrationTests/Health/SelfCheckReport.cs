using System.Net;
using System.Text.Json;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Health;

/// <summary>
/// The start-up self-check as an operator meets it: each warning logged once at start, and listed on <c>/health</c>
/// under the "self-check" entry (Degraded, still HTTP 200) — except what would help an attacker (a client secret known
/// to be the public sandbox one), which only the log says — with nothing secret in either.
/// </summary>
public sealed class SelfCheckReport
{
    private static readonly string KeysFolder = Directory.CreateTempSubdirectory("owc-selfcheck-keys-").FullName;
    private static readonly TestKeyFiles Keys = new();

    [Fact]
    public async Task Operator_mistakes_are_logged_at_start_and_listed_on_health_without_secrets()
    {
        var server = new ScriptedAuthorizationServer
        {
            ClockOffset = TimeSpan.FromMinutes(5),
            EditMetadata = metadata => metadata.Remove("code_challenge_methods_supported"),
        };
        await using var host = new ScriptedClientHost(server, new Dictionary<string, string?>
        {
            ["OAuth:ClientSecret"] = "sandbox-client-secret",
            ["DataProtection:KeysFolder"] = KeysFolder, // a configured folder: no container warning wherever this runs
        });

        var health = await host.NewBrowser().GetAsync(host.ClientOrigin + "health", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        var selfCheck = SelfCheckEntry(health.Html);
        Assert.Equal("Degraded", selfCheck.GetProperty("status").GetString());
        var warnings = selfCheck.GetProperty("warnings").EnumerateObject().Select(p => p.Name).ToList();
        // The weak secret is said in the log only: /health is anonymous, and the sandbox secret is public.
        Assert.Equal(["clock", "https", "keys-at-rest", "pkce"], warnings.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("sandbox-client-secret", health.Html, StringComparison.Ordinal);
        // Warnings never take an instance out of rotation: readiness runs the dependency checks only.
        var ready = await host.NewBrowser().GetAsync(host.ClientOrigin + "health/ready", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.DoesNotContain("self-check", ready.Html, StringComparison.Ordinal);

        var logged = await LoggedChecksAsync(host, expected: 5);
        Assert.Equal(["client-secret", "clock", "https", "keys-at-rest", "pkce"], logged.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.AllText.Contains("sandbox-client-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sound_configuration_passes_the_self_check()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?>
        {
            ["OAuth:PublicOrigin"] = "https://photos.example",
            ["DataProtection:KeysFolder"] = KeysFolder,
            ["DataProtection:CertificateFile"] = Keys.RsaCertificate(),
        });

        var health = await host.NewBrowser().GetAsync(host.ClientOrigin + "health", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", SelfCheckEntry(health.Html).GetProperty("status").GetString());
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId.Name == "SelfCheckWarning");
    }

    private static JsonElement SelfCheckEntry(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "self-check").Clone();

    /// <summary>The server's findings are logged once its metadata is loaded, in the background: waits (bounded) for them.</summary>
    private static async Task<List<string>> LoggedChecksAsync(ScriptedClientHost host, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var checks = host.Logs.Entries.Where(e => e.EventId.Name == "SelfCheckWarning")
                .Select(e => e.Values.First(v => v.StartsWith("Check=", StringComparison.Ordinal))["Check=".Length..]).ToList();
            if (checks.Count >= expected || attempt == 100)
            {
                return checks;
            }

            await Task.Delay(100);
        }
    }
}
