using OAuthWebClient.Testing;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class TokenEndpointRequests
{
    private const string Ok = """{"access_token":"at","token_type":"Bearer","expires_in":300}""";

    internal static TokenEndpointClient Client(ScriptedAuthorizationServer server, Action<OAuthClientOptions>? configure = null, TimeSpan? timeout = null)
    {
        var options = TestOptions.Manual(configure);
        var http = new HttpClient(server.CreateHandler()) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return TestCalls.TokenEndpoint(http, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(options));
    }

    private static ScriptedAuthorizationServer ServerAnswering(HttpStatusCode status = HttpStatusCode.OK, string body = Ok)
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Json(status, body));
        return server;
    }

    [Fact]
    public async Task Client_secret_basic_sends_form_url_encoded_id_and_secret_in_the_authorization_header()
    {
        var server = ServerAnswering();
        var client = Client(server, o => { o.ClientId = "my client:1"; o.ClientSecret = "s3cr:et x+%"; });

        await client.RedeemCodeAsync(TestCalls.Code(TestOptions.TokenEndpoint), "code-1", "verifier", "https://app.example/callback", CancellationToken.None);

        var request = Assert.Single(server.RequestsTo(TestOptions.TokenPath));
        Assert.Equal("Basic", request.AuthorizationHeader?.Scheme);
        var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(request.AuthorizationHeader!.Parameter!));
        Assert.Equal("my+client%3A1:s3cr%3Aet+x%2B%25", credentials);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.DoesNotContain("s3cr", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_secret_post_puts_id_and_secret_in_the_body_and_sends_no_authorization_header()
    {
        var server = ServerAnswering();
        var client = Client(server, o =>
        {
            o.ClientSecret = "s3cr:et x";
            o.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;
        });

        await client.RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt-1", CancellationToken.None);

        var request = Assert.Single(server.RequestsTo(TestOptions.TokenPath));
        Assert.Null(request.Authorization);
        Assert.Equal(TestOptions.ClientId, request.Form["client_id"]);
        Assert.Equal("s3cr:et x", request.Form["client_secret"]);
    }

    [Fact]
    public async Task Public_client_sends_only_its_id_in_the_body()
    {
        var server = ServerAnswering();
        var client = Client(server);

        await client.RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt-1", CancellationToken.None);

        var request = Assert.Single(server.RequestsTo(TestOptions.TokenPath));
        Assert.Null(request.Authorization);
        Assert.Equal(TestOptions.ClientId, request.Form["client_id"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
    }

    [Fact]
    public async Task Code_redemption_posts_the_grant_code_verifier_and_redirect_uri()
    {
        var server = ServerAnswering();
        var client = Client(server);

        var result = await client.RedeemCodeAsync(TestCalls.Code(TestOptions.TokenEndpoint), "code-1", "verifier-1", "https://app.example/callback", CancellationToken.None);

        Assert.True(result.Succeeded);
        var request = Assert.Single(server.RequestsTo(TestOptions.TokenPath));
        Assert.Equal(HttpMethod.Post.Method, request.Method);
        Assert.Equal("authorization_code", request.Form["grant_type"]);
        Assert.Equal("code-1", request.Form["code"]);
        Assert.Equal("verifier-1", request.Form["code_verifier"]);
        Assert.Equal("https://app.example/callback", request.Form["redirect_uri"]);
    }

    [Fact]
    public async Task Refresh_posts_the_refresh_token_grant()
    {
        var server = ServerAnswering();
        var client = Client(server);

        await client.RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt-1", CancellationToken.None);

        var request = Assert.Single(server.RequestsTo(TestOptions.TokenPath));
        Assert.Equal("refresh_token", request.Form["grant_type"]);
        Assert.Equal("rt-1", request.Form["refresh_token"]);
    }
}
