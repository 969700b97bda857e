using System.Net;
using System.Net.Sockets;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §4.1.2 (a code is single use): the back-channel has an explicit timeout (<c>OAuth:BackchannelTimeout</c>),
/// and a timeout, a refused connection, a name that does not resolve or a 5xx gives a friendly error page — the
/// code is never redeemed a second time, not even by an automatic retry.
/// </summary>
public sealed class UnreachableTokenEndpoint : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new(settings: new Dictionary<string, string?> { ["OAuth:BackchannelTimeout"] = "00:00:00.500" });

    [Fact]
    public async Task Token_endpoint_that_never_answers_times_out_into_a_friendly_page_without_retry()
    {
        // Answers after 30 s — long after OAuth:BackchannelTimeout (0.5 s here), long before HttpClient's own 100 s.
        var hung = new TaskCompletionSource();
        _host.Server.TokenEndpoint = async (request, cancellationToken) =>
        {
            await using (cancellationToken.Register(hung.SetResult))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return _host.Server.DefaultTokenResponse(request);
        };

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("cannot be reached", page.Html, StringComparison.Ordinal);
        Assert.True(hung.Task.IsCompleted, "The client should have given up on the token request.");
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Token_endpoint_refusing_connections_gives_a_friendly_page_without_retry()
    {
        _host.Server.RespondToTokenRequests(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:6001)", new SocketException((int)SocketError.ConnectionRefused)));

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Token_endpoint_whose_name_does_not_resolve_gives_a_friendly_page()
    {
        _host.Server.RespondToTokenRequests(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (as.invalid:443)", new SocketException((int)SocketError.HostNotFound)));

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Token_endpoint_answering_5xx_gives_a_friendly_page_without_retry(HttpStatusCode status)
    {
        _host.Server.RespondToTokenRequests(_ => ScriptedAuthorizationServer.Text(status, "<html><body>Upstream error</body></html>", "text/html"));

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("Reference: <code>", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    private async Task<BrowserPage> SignInAsync()
    {
        var browser = _host.NewBrowser();
        return await _host.CallbackAsync(browser, await _host.BeginSignInAsync(browser));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
