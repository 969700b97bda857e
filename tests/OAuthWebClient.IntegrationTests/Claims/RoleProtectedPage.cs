using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Claims;

/// <summary>
/// <c>/admin</c> requires the role <c>admin</c>, against the real sandbox (alice has it, bob has not); the roles live with
/// the session on the server, so the cookie does not grow with them.
/// </summary>
public sealed class RoleProtectedPage : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Alice_an_admin_sees_the_admin_page_and_her_roles_on_her_profile()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        var admin = await browser.GetAsync(TestHosts.ClientOrigin + "admin");
        var profile = await browser.GetAsync(TestHosts.ClientOrigin + "profile");

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal("/admin", admin.Uri.AbsolutePath);
        Assert.Contains("Administration", admin.Html, StringComparison.Ordinal);
        Assert.Contains(">admin</span>", admin.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", admin.Html, StringComparison.Ordinal);
        Assert.Contains(">photographer</span>", profile.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bob_without_the_role_gets_the_friendly_403_page_and_stays_signed_in()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "bob");

        var admin = await browser.GetAsync(TestHosts.ClientOrigin + "admin");
        var profile = await browser.GetAsync(TestHosts.ClientOrigin + "profile");

        Assert.Equal(HttpStatusCode.Forbidden, admin.Status);
        Assert.Equal("/admin", admin.Uri.AbsolutePath);
        Assert.Contains("data-error-kind=\"forbidden\"", admin.Html, StringComparison.Ordinal);
        Assert.Contains("You do not have access to this page", admin.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", profile.Html, StringComparison.Ordinal);
        Assert.Contains("You have no roles.", profile.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_to_the_admin_page()
    {
        var browser = _hosts.NewBrowser();

        var signIn = await browser.GetAsync(TestHosts.ClientOrigin + "admin");

        Assert.Contains("Username", signIn.Html, StringComparison.Ordinal);
        Assert.Contains(browser.History, uri => uri.AbsolutePath == "/account/login" && uri.Query.Contains("returnUrl=%2Fadmin", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
