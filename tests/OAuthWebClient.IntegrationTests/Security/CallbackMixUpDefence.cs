using System.Net;
using Microsoft.Extensions.Logging;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9207 §2.4, RFC 9700 §4.4: the transaction remembers the issuer it was sent to; the response's <c>iss</c>
/// must equal it (simple string comparison), and must be present when the server advertises it — unless a
/// per-provider setting relaxes that, which is logged.
/// </summary>
public sealed class CallbackMixUpDefence
{
    [Theory]
    [InlineData("http://attacker.example/")]
    [InlineData("http://127.0.0.1:6001")]
    [InlineData("HTTP://127.0.0.1:6001/")]
    [InlineData("http://127.0.0.1:6001/ ")]
    public async Task Callback_carrying_another_issuer_is_rejected(string iss)
    {
        await using var host = new ScriptedClientHost();
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, $"?code={host.Server.IssueCode(request)}&state={Uri.EscapeDataString(request.State)}&iss={Uri.EscapeDataString(iss)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("different authorization server (iss)", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, host.Server.TokenCalls);
        Assert.Equal(0, host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Error_response_carrying_another_issuer_is_rejected_instead_of_shown()
    {
        await using var host = new ScriptedClientHost();
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, $"?error=access_denied&error_description=Your+account+is+locked%2C+call+0800-SCAM&state={Uri.EscapeDataString(request.State)}&iss=http%3A%2F%2Fattacker.example%2F");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("different authorization server (iss)", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your account is locked", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_without_iss_is_rejected_when_the_server_advertises_iss_support()
    {
        await using var host = new ScriptedClientHost();
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, host.ResponseQuery(request, withIss: false));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("no iss parameter", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, host.Server.TokenCalls);
        Assert.Equal(0, host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_without_iss_is_accepted_when_the_server_does_not_advertise_it()
    {
        await using var host = new ScriptedClientHost(new ScriptedAuthorizationServer { AdvertisesIssParameter = false });
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, host.ResponseQuery(request, withIss: false));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(1, host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_without_iss_is_accepted_and_logged_when_the_provider_setting_relaxes_the_requirement()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?> { ["OAuth:RequireIssParameterWhenAdvertised"] = "false" });
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, host.ResponseQuery(request, withIss: false));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Name == "IssRequirementRelaxed");
    }

    [Fact]
    public async Task Relaxed_iss_requirement_still_rejects_a_foreign_iss()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?> { ["OAuth:RequireIssParameterWhenAdvertised"] = "false" });
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, $"?code={host.Server.IssueCode(request)}&state={Uri.EscapeDataString(request.State)}&iss=http%3A%2F%2Fattacker.example%2F");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, host.Server.TokenCalls);
    }
}
