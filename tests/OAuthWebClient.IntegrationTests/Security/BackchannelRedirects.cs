using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9700 §4.11, RFC 6749 §4.1.3: no back-channel call follows a redirect — not to the token endpoint (it would
/// re-post the code, the verifier and, with client_secret_post, the secret), not for metadata, not at revocation,
/// not from the photos API (the token would travel). On real loopback sockets: the test hosts' in-memory handlers
/// replace the primary handler whose setting this is, so only the real stack can show it.
/// </summary>
public sealed class BackchannelRedirects : IAsyncLifetime
{
    private ScriptedClientHost _host = null!;

    private ScriptedAuthorizationServer Server => _host.Server;

    private Uri Stolen => new(Server.Issuer + "stolen?code=leaked-code");

    [Fact]
    public async Task A_token_endpoint_redirect_is_refused_so_code_verifier_and_secret_go_nowhere_else()
    {
        Server.RespondToTokenRequests(_ => Redirect(HttpStatusCode.TemporaryRedirect));

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("redirect", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
        AssertNothingReachedTheRedirectTarget();
        var logged = Assert.Single(_host.Logs.Entries, e => e.EventId.Name == "RedirectRefused");
        Assert.Contains(Server.Issuer + "stolen", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-code", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_metadata_redirect_is_refused_so_sign_in_is_unavailable_and_health_says_why()
    {
        Server.Fault = request => request.RequestUri!.AbsolutePath.EndsWith("openid-configuration", StringComparison.Ordinal)
            ? Redirect(HttpStatusCode.Found)
            : null;
        var browser = _host.NewBrowser();

        var login = await browser.GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);
        var health = await browser.GetAsync(_host.ClientOrigin + "health", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.Status);
        Assert.Contains("cannot be reached", login.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Contains("redirect", health.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-code", health.Html, StringComparison.Ordinal);
        AssertNothingReachedTheRedirectTarget();
    }

    [Fact]
    public async Task A_redirect_from_the_photos_api_is_not_followed_so_the_token_never_reaches_another_origin()
    {
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        Server.Fault = request => request.RequestUri!.Port == Server.PhotosApiOrigin.Port ? Redirect(HttpStatusCode.Found) : null;

        var page = await browser.GetAsync(_host.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        AssertNothingReachedTheRedirectTarget();
    }

    [Fact]
    public async Task A_revocation_redirect_is_not_followed_and_sign_out_still_completes()
    {
        var browser = _host.NewBrowser();
        var gallery = await _host.SignInAsync(browser);
        Server.Fault = request => request.RequestUri!.AbsolutePath == "/revoke" ? Redirect(HttpStatusCode.PermanentRedirect) : null;

        var signedOut = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.False(await _host.IsSignedInAsync(browser));
        Assert.Equal(2, Server.Requests.Count(r => r.Uri.AbsolutePath == "/revoke"));
        AssertNothingReachedTheRedirectTarget();
    }

    private HttpResponseMessage Redirect(HttpStatusCode status) => new(status) { Headers = { Location = Stolen } };

    private void AssertNothingReachedTheRedirectTarget() =>
        Assert.DoesNotContain(Server.Requests, r => r.Uri.AbsolutePath == "/stolen");

    public async Task InitializeAsync()
    {
        _host = await ScriptedClientHost.OnLoopbackAsync(new Dictionary<string, string?> { ["OAuth:ClientAuthentication"] = "ClientSecretPost" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
