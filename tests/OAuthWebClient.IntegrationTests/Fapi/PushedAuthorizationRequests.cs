using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Fapi;

/// <summary>
/// RFC 9126: with a <c>pushed_authorization_request_endpoint</c>, the parameters go on the back channel (authenticated
/// like a token request) and the browser carries only <c>client_id</c> and <c>request_uri</c>; a push that fails, or one
/// that is required where the server has no endpoint, is a clear page — never the front channel instead.
/// </summary>
public sealed class PushedAuthorizationRequests : IAsyncLifetime
{
    private ScriptedClientHost _host = null!;

    private ScriptedAuthorizationServer Server => _host.Server;

    [Fact]
    public async Task Advertised_endpoint_gets_the_parameters_and_the_browser_only_client_id_and_request_uri()
    {
        Start(server => server.EnablePushedAuthorization());
        var browser = _host.NewBrowser();

        var login = await browser.GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);

        var query = QueryHelpers.ParseQuery(login.Location!.Query);
        Assert.Equal(["client_id", "request_uri"], query.Keys.Order(StringComparer.Ordinal));
        var push = Assert.Single(Server.RequestsTo(ScriptedAuthorizationServer.PushedAuthorizationPath));
        Assert.Equal("Basic", push.AuthorizationHeader?.Scheme);
        foreach (var name in (string[])["response_type", "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method"])
        {
            Assert.True(push.Form.ContainsKey(name), name);
        }

        // The whole sign-in completes with what was pushed.
        var signedIn = await _host.CallbackAsync(browser, Server.Resolve(login.Location));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.True(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Disabled_pushes_nothing_even_when_the_server_offers_it()
    {
        Start(server => server.EnablePushedAuthorization(), new() { ["OAuth:PushedAuthorization"] = "Disable" });

        var request = await _host.BeginSignInAsync(_host.NewBrowser());

        Assert.Equal(0, Server.Count(ScriptedAuthorizationServer.PushedAuthorizationPath));
        Assert.Contains("code_challenge=", request.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_without_an_advertised_endpoint_fails_closed_with_a_clear_page()
    {
        Start(_ => { }, new() { ["OAuth:PushedAuthorization"] = "Require" });

        var login = await _host.NewBrowser().GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);

        Assert.Equal(HttpStatusCode.BadGateway, login.Status);
        Assert.Null(login.Location);
        Assert.Contains("pushed_authorization_request_endpoint", login.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_requires_pushed_requests_is_obeyed_when_it_advertises_no_endpoint_too()
    {
        Start(server => server.EnablePushedAuthorization(required: true, advertise: false));

        var login = await _host.NewBrowser().GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);

        Assert.Equal(HttpStatusCode.BadGateway, login.Status);
        Assert.Null(login.Location);
    }

    [Fact]
    public async Task Refused_push_is_an_error_page_naming_the_error_and_nothing_goes_on_the_front_channel()
    {
        Start(server =>
        {
            server.EnablePushedAuthorization();
            server.On(ScriptedAuthorizationServer.PushedAuthorizationPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.BadRequest,
                new Dictionary<string, object> { ["error"] = "invalid_request", ["error_description"] = "<b>scope</b> not allowed" }));
        });

        var login = await _host.NewBrowser().GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);

        Assert.Equal(HttpStatusCode.BadGateway, login.Status);
        Assert.Null(login.Location);
        Assert.Contains("invalid_request", login.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>scope</b>", login.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;scope&lt;/b&gt;", login.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_push_endpoint_is_a_503_saying_the_server_did_not_answer()
    {
        Start(server =>
        {
            server.EnablePushedAuthorization();
            server.Fault = request => request.RequestUri!.AbsolutePath == ScriptedAuthorizationServer.PushedAuthorizationPath
                ? throw new HttpRequestException("connection refused") : null;
        });

        var login = await _host.NewBrowser().GetAsync(_host.ClientOrigin + "account/login", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.Status);
        Assert.Null(login.Location);
    }

    private void Start(Action<ScriptedAuthorizationServer> configure, Dictionary<string, string?>? settings = null)
    {
        var server = new ScriptedAuthorizationServer();
        configure(server);
        _host = new ScriptedClientHost(server, settings);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
