using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Claims;

/// <summary>
/// A hundred roles and a long email in the ID token: the session cookie is the same small size, the roles still reach the
/// principal on every request (restored from the session's one store read), and an old session stored without claims
/// still signs in.
/// </summary>
public sealed class RolesDoNotGrowTheCookie : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Many_roles_leave_the_cookie_under_600_bytes_and_still_open_the_admin_page()
    {
        _host.Server.RespondToTokenRequests(request =>
        {
            var claims = _host.Server.IdTokenClaims(request);
            claims["roles"] = Enumerable.Range(0, 99).Select(i => "role-with-a-fairly-long-name-" + i).Append("admin").ToArray();
            claims["email"] = new string('e', 200) + "@example.com";
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, _host.Server.TokenResponseMembers(request, claims));
        });
        var browser = _host.NewBrowser();

        await _host.SignInAsync(browser);
        var admin = await browser.GetAsync(_host.ClientOrigin + "admin");

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        var session = browser.Cookies.GetAllCookies().Single(c => c.Name.EndsWith("owc.session", StringComparison.Ordinal));
        Assert.True(session.Name.Length + 1 + session.Value.Length <= 600, $"The session cookie takes {session.Value.Length} bytes.");
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Value.Contains("role-with", StringComparison.Ordinal));
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task A_session_stored_before_claims_were_kept_still_signs_in_with_its_cookie_name()
    {
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        var sessionId = _host.Sessions.StoredSessions.Single();
        var stored = await _host.Sessions.GetAsync(sessionId, CancellationToken.None);
        await _host.Sessions.SetAsync(sessionId, stored! with { User = null }, CancellationToken.None);

        var photos = await browser.GetAsync(_host.ClientOrigin + "photos");
        var admin = await browser.GetAsync(_host.ClientOrigin + "admin");

        Assert.Equal(HttpStatusCode.OK, photos.Status);
        Assert.Contains("Scripted User", photos.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, admin.Status);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
