using System.Net;
using OAuthWebClient.Client;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Claims;

/// <summary>
/// <c>OAuth:UseUserInfo</c> (OIDC Core §5.3): the UserInfo endpoint is called once at sign-in with the access token; its
/// claims are merged into the session; its <c>sub</c> must be the ID token's (§5.3.2); a failure is a page, never a 500.
/// </summary>
public sealed class UserInfoAtSignIn : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new(settings: new Dictionary<string, string?> { ["OAuth:UseUserInfo"] = "true" });

    [Fact]
    public async Task Userinfo_claims_are_merged_into_the_session_and_its_roles_open_the_admin_page()
    {
        _host.Server.UserInfoClaims["roles"] = new[] { "admin" };
        _host.Server.UserInfoClaims["email"] = "scripted@example.com";
        var browser = _host.NewBrowser();

        await _host.SignInAsync(browser);
        var admin = await browser.GetAsync(_host.ClientOrigin + "admin");

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Contains("data-testid=\"admin-roles\"", admin.Html, StringComparison.Ordinal);
        var stored = await _host.Sessions.GetAsync(_host.Sessions.StoredSessions.Single(), CancellationToken.None);
        Assert.Equal(["Bearer " + stored!.AccessToken], _host.Server.UserInfoAuthorizations);
        Assert.Equal(new UserClaims { Name = "Scripted User", Email = "scripted@example.com", Roles = ["admin"] }, stored.User);
    }

    [Fact]
    public async Task Userinfo_for_another_subject_refuses_the_sign_in()
    {
        _host.Server.UserInfoClaims["sub"] = "someone-else";
        var browser = _host.NewBrowser();

        var page = await _host.SignInAsync(browser);

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("data-error-kind=\"userinfo-failed\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("another user than the identity token", page.Html, StringComparison.Ordinal);
        Assert.False(await _host.IsSignedInAsync(browser));
    }

    [Theory]
    [InlineData("503")]
    [InlineData("html")]
    [InlineData("jwt")]
    [InlineData("down")]
    public async Task Userinfo_that_fails_gives_a_clear_page_and_no_session(string fault)
    {
        _host.Server.UserInfoFault = _ => fault switch
        {
            "503" => ScriptedAuthorizationServer.Json(HttpStatusCode.ServiceUnavailable, """{"error":"temporarily_unavailable"}"""),
            "html" => ScriptedAuthorizationServer.Html(HttpStatusCode.OK, "<html><body>Proxy login</body></html>"),
            "jwt" => ScriptedAuthorizationServer.Text(HttpStatusCode.OK, "eyJhbGciOiJSUzI1NiJ9.e30.sig", "application/jwt"),
            _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
        };
        var browser = _host.NewBrowser();

        var page = await _host.SignInAsync(browser);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("data-error-kind=\"userinfo-failed\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("UserInfo endpoint", page.Html, StringComparison.Ordinal);
        Assert.False(await _host.IsSignedInAsync(browser));
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
