using System.Net;
using System.Text.Json;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.BackchannelLogout;

/// <summary>
/// The sample's <c>POST /backchannel-logout</c> as a provider calls it (Back-Channel Logout 1.0 §2.5, §2.8): 200 and
/// <c>no-store</c> when the logout token ended its sessions, 400 with a JSON reason for anything else, never a 500.
/// Tokens are signed by the scripted server the client signed in with.
/// </summary>
public sealed class BackchannelLogoutEndpoint : IAsyncLifetime
{
    private const string Sid = "op-session-1";
    private readonly ScriptedClientHost _host = new();

    public BackchannelLogoutEndpoint()
    {
        // The scripted server's ID tokens name its session, as the sandbox's do.
        _host.Server.RespondToTokenRequests(request =>
        {
            var claims = _host.Server.IdTokenClaims(request);
            claims["sid"] = Sid;
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, _host.Server.TokenResponseMembers(request, claims));
        });
    }

    private string Subject => "scripted-user";

    [Fact]
    public async Task A_valid_logout_token_is_answered_200_no_store_and_the_browser_is_signed_out()
    {
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        Assert.True(await _host.IsSignedInAsync(browser));

        using var response = await PostAsync(Form(_host.Server.SignLogoutToken(_host.Server.LogoutTokenClaims(Subject, Sid))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task A_replayed_token_is_400_replayed()
    {
        var token = _host.Server.SignLogoutToken(_host.Server.LogoutTokenClaims(Subject, Sid));
        using var first = await PostAsync(Form(token));
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser); // signed in again, in the same provider session

        using var replayed = await PostAsync(Form(token));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Replayed", (await ReasonAsync(replayed)).Reason);
        Assert.True(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task An_id_token_posted_as_a_logout_token_is_400_invalid_token()
    {
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        var claims = _host.Server.LogoutTokenClaims(Subject, Sid);
        claims["nonce"] = "n-0S6_WzA2Mj";

        using var response = await PostAsync(Form(_host.Server.SignLogoutToken(claims)));

        var (reason, description) = await ReasonAsync(response);
        Assert.Equal("InvalidToken", reason);
        Assert.Contains("nonce", description, StringComparison.Ordinal);
        Assert.True(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Garbage_is_400_invalid_token()
    {
        using var response = await PostAsync(Form("eyJhbGciOiJub25lIn0.garbage.%%%"));

        Assert.Equal("InvalidToken", (await ReasonAsync(response)).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("logout_token=")]
    [InlineData("token=abc")]
    [InlineData("logout_token=a&logout_token=b")]
    public async Task A_form_without_exactly_one_logout_token_is_400_missing_token(string body)
    {
        using var response = await PostAsync(new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal("MissingToken", (await ReasonAsync(response)).Reason);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_400_missing_token()
    {
        using var response = await PostAsync(new StringContent("{\"logout_token\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("MissingToken", (await ReasonAsync(response)).Reason);
    }

    [Fact]
    public async Task A_provider_that_is_not_configured_is_400_unknown_provider()
    {
        using var response = await PostAsync(Form("x"), "backchannel-logout/nobody");

        Assert.Equal("UnknownProvider", (await ReasonAsync(response)).Reason);
    }

    [Fact]
    public async Task A_get_is_405_not_a_500()
    {
        using var client = _host.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/backchannel-logout", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(string logoutToken) => new([KeyValuePair.Create("logout_token", logoutToken)]);

    /// <summary>Server to server: no cookie, no antiforgery token.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string path = "backchannel-logout")
    {
        using var client = _host.Factory.CreateClient();
        using (content)
        {
            return await client.PostAsync(new Uri("/" + path, UriKind.Relative), content);
        }
    }

    private static async Task<(string Reason, string Description)> ReasonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("invalid_request", json.RootElement.GetProperty("error").GetString());
        return (json.RootElement.GetProperty("reason").GetString()!, json.RootElement.GetProperty("error_description").GetString()!);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
