using System.Net;
using OAuthWebClient.Testing;
using OAuthWebClient.Web;
using OAuthWebClient.Client;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §5.2: an OAuth error from the token endpoint — with a 4xx, or disguised as HTTP 200 — is an error page
/// naming the (escaped) error code; nothing is stored and no session starts.
/// </summary>
public sealed class TokenEndpointErrorResponses : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Token_endpoint_error_with_http_400_shows_the_error_code_and_creates_no_session()
    {
        var page = await SignInAgainstAsync(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"The code has <b>expired</b>."}""");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("<code data-testid=\"error-code\">invalid_grant</code>", page.Html, StringComparison.Ordinal);
        Assert.Contains("The code has &lt;b&gt;expired&lt;/b&gt;.", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
        Assert.DoesNotContain(CookieSecurity.SessionCookie + "=", page.Headers.GetValueOrDefault("Set-Cookie") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_endpoint_error_disguised_as_http_200_is_not_taken_for_tokens()
    {
        // A complete, valid token response — plus an error member: the error wins (RFC 6749 §5.2).
        _host.Server.RespondToTokenRequests(request =>
        {
            var members = _host.Server.TokenResponseMembers(request);
            members["error"] = "invalid_request";
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });
        var browser = _host.NewBrowser();
        var page = await _host.CallbackAsync(browser, await _host.BeginSignInAsync(browser));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(">invalid_request<", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Token_endpoint_error_code_with_markup_is_shown_escaped()
    {
        var page = await SignInAgainstAsync(HttpStatusCode.Unauthorized, """{"error":"<img src=x onerror=alert(1)>"}""");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("<img src=x", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Token_endpoint_error_member_that_is_not_a_string_fails_in_a_controlled_way()
    {
        var page = await SignInAgainstAsync(HttpStatusCode.BadRequest, """{"error":{"code":"invalid_grant"}}""");

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "server_error", HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "temporarily_unavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task Token_endpoint_server_side_error_is_reported_as_the_servers_fault(HttpStatusCode status, string error, HttpStatusCode shown)
    {
        var page = await SignInAgainstAsync(status, $$"""{"error":"{{error}}"}""");

        Assert.Equal(shown, page.Status);
        Assert.Contains($">{error}<", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    private async Task<BrowserPage> SignInAgainstAsync(HttpStatusCode status, string body)
    {
        _host.Server.RespondToTokenRequests(_ => ScriptedAuthorizationServer.Json(status, body));
        var browser = _host.NewBrowser();
        return await _host.CallbackAsync(browser, await _host.BeginSignInAsync(browser));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
