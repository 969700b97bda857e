using OAuthWebClient.Testing;
using System.Net;
using System.Net.Http.Headers;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class TokenEndpointFailures
{
    /// <summary>Content without a Content-Length (as with chunked transfer), so only reading can find its size.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static byte[] LargeJson() =>
        System.Text.Encoding.UTF8.GetBytes("{\"access_token\":\"" + new string('a', TokenResponseParser.MaxBodyBytes) + "\",\"token_type\":\"Bearer\"}");

    [Fact]
    public async Task Body_larger_than_64_KB_with_a_content_length_is_malformed()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(LargeJson()) });

        var result = await TokenEndpointRequests.Client(server).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt", CancellationToken.None);

        Assert.Equal(TokenRequestFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Body_larger_than_64_KB_without_a_content_length_is_malformed()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ =>
        {
            var content = new UnknownLengthContent(LargeJson());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var result = await TokenEndpointRequests.Client(server).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt", CancellationToken.None);

        Assert.Equal(TokenRequestFailure.Malformed, result.Failure);
    }

    [Fact]
    public async Task Body_of_exactly_64_KB_is_read()
    {
        var prefix = "{\"access_token\":\"";
        var suffix = "\",\"token_type\":\"Bearer\"}";
        var json = prefix + new string('a', TokenResponseParser.MaxBodyBytes - prefix.Length - suffix.Length) + suffix;
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(System.Text.Encoding.UTF8.GetBytes(json)) });

        var result = await TokenEndpointRequests.Client(server).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt", CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Connection_failure_is_unreachable()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => throw new HttpRequestException("connection refused"));

        var result = await TokenEndpointRequests.Client(server).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt", CancellationToken.None);

        Assert.Equal(TokenRequestFailure.Unreachable, result.Failure);
    }

    [Fact]
    public async Task Answer_slower_than_the_client_timeout_is_unreachable()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var result = await TokenEndpointRequests.Client(server, timeout: TimeSpan.FromMilliseconds(100))
            .RedeemCodeAsync(TestCalls.Code(TestOptions.TokenEndpoint), "code", "verifier", "https://app.example/callback", CancellationToken.None);

        Assert.Equal(TokenRequestFailure.Unreachable, result.Failure);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_swallowed()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var cancellation = new CancellationTokenSource();
        var call = TokenEndpointRequests.Client(server).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt", cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Code_is_sent_exactly_once_when_the_server_answers_500()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Html(HttpStatusCode.InternalServerError, "<h1>oops</h1>"));

        var result = await TokenEndpointRequests.Client(server)
            .RedeemCodeAsync(TestCalls.Code(TestOptions.TokenEndpoint), "code", "verifier", "https://app.example/callback", CancellationToken.None);

        Assert.Equal(TokenRequestFailure.Malformed, result.Failure);
        Assert.Equal(1, server.Count(TestOptions.TokenPath));
    }

    [Fact]
    public async Task Oauth_error_from_the_server_is_rejected()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}"""));

        var result = await TokenEndpointRequests.Client(server)
            .RedeemCodeAsync(TestCalls.Code(TestOptions.TokenEndpoint), "code", "verifier", "https://app.example/callback", CancellationToken.None);

        Assert.Equal(TokenRequestFailure.Rejected, result.Failure);
        Assert.Equal("invalid_grant", result.Error);
    }
}
