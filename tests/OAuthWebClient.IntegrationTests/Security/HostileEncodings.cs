using System.Net;
using System.Text;
using System.Text.Json;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// A hostile or broken server's values that once ended in a 500: invalid escapes and bytes inside a token or error
/// response, and numeric ID token claims out of any range. Each is a controlled rejection at the callback — an escaped
/// error page with the right status, nothing stored, no session.
/// </summary>
public sealed class HostileEncodings : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    public static TheoryData<string, int, byte[]> Bodies => new()
    {
        { "lone surrogate in access_token", 200, Encoding.UTF8.GetBytes("""{"access_token":"\ud800","token_type":"Bearer"}""") },
        { "lone surrogate in error", 400, Encoding.UTF8.GetBytes("""{"error":"\udfff"}""") },
        { "lone surrogate in error_description", 400, Encoding.UTF8.GetBytes("""{"error":"invalid_grant","error_description":"\ud800"}""") },
        { "invalid UTF-8 in error", 400, [.. "{\"error\":\""u8, 0xC3, 0x28, .. "\"}"u8] },
        { "expires_in beyond any range", 200, Encoding.UTF8.GetBytes("""{"access_token":"at","token_type":"Bearer","expires_in":1e400}""") },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_token_or_error_response_with_invalid_encodings_is_a_502_not_a_500(string what, int status, byte[] body)
    {
        _host.Server.RespondToTokenRequests(_ => new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        });

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.True(page.Status == HttpStatusCode.BadGateway, $"{what}: got {(int)page.Status}");
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Theory]
    [InlineData("iat", "9223372036854775807")]
    [InlineData("iat", "1e400")]
    [InlineData("exp", "-9223372036854775808")]
    [InlineData("nbf", "99999999999999999999999")]
    public async Task An_id_token_with_a_time_claim_out_of_range_is_a_502_not_a_500(string claim, string rawJson)
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var claims = _host.Server.IdTokenClaims(request);
            using var value = JsonDocument.Parse(rawJson);
            claims[claim] = value.RootElement.Clone();
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, _host.Server.TokenResponseMembers(request, claims));
        });

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("identity token", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task An_id_token_issued_long_ago_is_refused_even_though_it_has_not_expired()
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var claims = _host.Server.IdTokenClaims(request);
            var now = _host.Time.GetUtcNow();
            claims["iat"] = now.AddHours(-3).ToUnixTimeSeconds();
            claims["exp"] = now.AddHours(1).ToUnixTimeSeconds();
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, _host.Server.TokenResponseMembers(request, claims));
        });

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("issued too long ago", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
