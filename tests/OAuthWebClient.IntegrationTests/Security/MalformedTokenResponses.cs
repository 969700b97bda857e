using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §5.1: only a JSON object with a string access_token, a Bearer token_type and a numeric expires_in is a
/// token response. Anything else — a proxy's HTML page, <c>null</c>, truncated JSON, 64 KB and more, wrong member
/// types — is a controlled failure (502), with nothing stored and no session.
/// </summary>
public sealed class MalformedTokenResponses : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    public static TheoryData<string, int, string, string> UnusableBodies => new()
    {
        { "plain text", 200, "text/plain", "hello" },
        { "HTML from a proxy with 200", 200, "text/html", "<html><body><form>Proxy sign-in</form></body></html>" },
        { "HTML from a gateway with 502", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>" },
        { "empty body", 200, "application/json", "" },
        { "JSON null", 200, "application/json", "null" },
        { "JSON array", 200, "application/json", "[]" },
        { "JSON string", 200, "application/json", "\"at-123\"" },
        { "truncated JSON", 200, "application/json", """{"access_token":"at-123","token_type":"Bea""" },
        { "trailing garbage", 200, "application/json", """{"access_token":"at-123","token_type":"Bearer"} <html>""" },
    };

    [Theory]
    [MemberData(nameof(UnusableBodies))]
    public async Task Token_response_that_is_not_a_token_response_fails_in_a_controlled_way(string what, int status, string mediaType, string body)
    {
        _host.Server.RespondToTokenRequests(_ => ScriptedAuthorizationServer.Text((HttpStatusCode)status, body, mediaType));

        var page = await SignInAsync();

        Assert.True(page.Status == HttpStatusCode.BadGateway, $"{what}: got {(int)page.Status}");
        Assert.Contains("data-error-kind=\"server-error\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Token_response_over_64_KB_is_refused_even_when_otherwise_valid(bool withContentLength)
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var members = _host.Server.TokenResponseMembers(request);
            members["padding"] = new string('x', 70_000);
            var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(members);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                // Without Content-Length only counting while reading can stop it.
                Content = withContentLength ? new ByteArrayContent(body) : new StreamContent(new UnseekableStream(body)),
            };
        });

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    public static TheoryData<string, string, object?> InvalidMembers => new()
    {
        { "access_token missing", "access_token", null },
        { "access_token a number", "access_token", 12345 },
        { "access_token empty", "access_token", "" },
        { "token_type missing", "token_type", null },
        { "token_type mac", "token_type", "mac" },
        { "token_type DPoP", "token_type", "DPoP" },
        { "expires_in a string", "expires_in", "3600" },
        { "expires_in negative", "expires_in", -60 },
        { "expires_in an object", "expires_in", new { seconds = 60 } },
        { "id_token a number", "id_token", 1 },
        { "refresh_token an object", "refresh_token", new { value = "rt" } },
        { "scope an array", "scope", new[] { "openid", "photos" } },
    };

    [Theory]
    [MemberData(nameof(InvalidMembers))]
    public async Task Token_response_with_an_invalid_member_is_rejected(string what, string member, object? value)
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var members = _host.Server.TokenResponseMembers(request);
            if (value is null)
            {
                members.Remove(member);
            }
            else
            {
                members[member] = value;
            }

            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });

        var page = await SignInAsync();

        Assert.True(page.Status == HttpStatusCode.BadGateway, $"{what}: got {(int)page.Status}");
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Token_response_without_an_id_token_for_an_openid_request_is_rejected()
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var members = _host.Server.TokenResponseMembers(request);
            members.Remove("id_token");
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Theory]
    [InlineData("BEARER")]
    [InlineData("bearer")]
    public async Task Token_type_bearer_in_any_case_is_accepted(string tokenType)
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var members = _host.Server.TokenResponseMembers(request);
            members["token_type"] = tokenType;
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });

        var page = await SignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Token_response_without_expires_in_gets_a_conservative_lifetime()
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var members = _host.Server.TokenResponseMembers(request);
            members.Remove("expires_in");
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });
        var browser = _host.NewBrowser();
        var page = await _host.SignInAsync(browser);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        // Assumed lifetime 5 minutes, refreshed 1 minute before: not at 3:50, but by 4:10.
        _host.Time.Advance(TimeSpan.FromSeconds(230));
        await browser.GetAsync(_host.ClientOrigin + "photos");
        Assert.Equal(1, _host.Server.TokenCalls);
        _host.Time.Advance(TimeSpan.FromSeconds(20));
        await browser.GetAsync(_host.ClientOrigin + "photos");
        Assert.Equal(2, _host.Server.TokenCalls);
        Assert.Equal("refresh_token", _host.Server.TokenRequests.Last().GrantType);
    }

    private async Task<BrowserPage> SignInAsync()
    {
        var browser = _host.NewBrowser();
        return await _host.CallbackAsync(browser, await _host.BeginSignInAsync(browser));
    }

    /// <summary>A body whose length is unknown until it has been read.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
