using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §4.1.2.1: an error response is shown — HTML-escaped, never trusted — with a way to try again, and only
/// when it answers a sign-in this browser started (otherwise anyone could put words on our error page).
/// </summary>
public sealed class AuthorizationErrorResponses : IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Error_response_with_markup_is_shown_escaped_with_a_way_to_try_again()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);

        var page = await _host.CallbackAsync(browser,
            $"?error={Uri.EscapeDataString("invalid_scope" + Script)}&error_description={Uri.EscapeDataString("Bad " + Script)}" +
            $"&error_uri={Uri.EscapeDataString("https://as.example/errors?x=\"><img src=x onerror=alert(2)>")}" +
            $"&state={Uri.EscapeDataString(request.State)}&iss={Uri.EscapeDataString(_host.Server.Issuer)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain(Script, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page.Html, StringComparison.Ordinal);
        Assert.Contains("invalid_scope&lt;script&gt;alert(1)&lt;/script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("Bad &lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("https://as.example/errors?x=&quot;&gt;&lt;img", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Error_uri_with_a_script_scheme_is_never_offered_as_a_link()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);

        var page = await _host.CallbackAsync(browser,
            $"?error=server_error&error_uri={Uri.EscapeDataString("javascript:alert(document.cookie)")}&state={Uri.EscapeDataString(request.State)}&iss={Uri.EscapeDataString(_host.Server.Issuer)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("javascript:", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Consent_denied_is_a_friendly_page_and_no_session()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);

        var page = await _host.CallbackAsync(browser, $"?error=access_denied&state={Uri.EscapeDataString(request.State)}&iss={Uri.EscapeDataString(_host.Server.Issuer)}");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Sign-in was cancelled", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", page.Html, StringComparison.Ordinal);
        Assert.False(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Forged_error_response_without_a_matching_state_is_not_displayed()
    {
        // Phishing text through our own error page: "Your account is locked, call 0800-SCAM".
        var page = await _host.CallbackAsync(_host.NewBrowser(), "?error=access_denied&error_description=Your+account+is+locked%2C+call+0800-SCAM&state=anything");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("Your account is locked", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"error-description\"", page.Html, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
