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
    private ScriptedAuthorizationServer _server = null!;
    private ScriptedClientHost _host = null!;

    [Fact]
    public async Task A_token_response_whose_body_trickles_in_times_out_and_is_not_accepted()
    {
        _server.RespondToTokenRequests(request =>
        {
            var honest = _server.DefaultTokenResponse(request);
            var body = honest.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            // One byte every 50 ms: a valid answer, complete after more than a minute.
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new TrickleContent(body, TimeSpan.FromMilliseconds(50)) };
        });

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("cannot be reached", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
        Assert.Equal(1, _server.TokenCalls);
    }

    public async Task InitializeAsync()
    {
        _server = await ScriptedAuthorizationServer.ListenOnLoopbackAsync();
        _host = new ScriptedClientHost(_server, new Dictionary<string, string?> { ["OAuth:BackchannelTimeout"] = "00:00:01" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A JSON body sent one byte at a time, with Content-Type application/json.</summary>
    private sealed class TrickleContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TimeSpan _delay;

        public TrickleContent(byte[] body, TimeSpan delay)
        {
            (_body, _delay) = (body, delay);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (var i = 0; i < _body.Length; i++)
            {
                await stream.WriteAsync(_body.AsMemory(i, 1), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                await Task.Delay(_delay, cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
