using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// <c>OAuth:BackchannelTimeout</c> bounds the whole token exchange, body included: a server that sends its headers at
/// once and then trickles the body cannot hold a callback for as long as it likes and then be believed. On real
/// sockets, where the HTTP stack's own timeout covers only the headers of a streamed answer.
/// </summary>
public sealed class TrickledTokenResponse : IAsyncLifetime
{
    private ScriptedClientHost _host = null!;

    private ScriptedAuthorizationServer Server => _host.Server;

    [Fact]
    public async Task A_token_response_whose_body_trickles_in_times_out_and_is_not_accepted()
    {
        Server.TokenEndpoint = async (request, cancellationToken) =>
        {
            using var honest = Server.DefaultTokenResponse(request);
            var body = await honest.Content.ReadAsByteArrayAsync(cancellationToken);
            // One byte every 50 ms: a valid answer, complete after more than a minute.
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new TrickleContent(body, TimeSpan.FromMilliseconds(50)) };
        };

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("cannot be reached", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
        Assert.Equal(1, Server.TokenCalls);
    }

    public async Task InitializeAsync()
    {
        _host = await ScriptedClientHost.OnLoopbackAsync(new Dictionary<string, string?> { ["OAuth:BackchannelTimeout"] = "00:00:01" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
