using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Hosting;

/// <summary>
/// Under a path prefix (a reverse proxy's <c>/app</c>, <c>UsePathBase</c>) the whole flow stays inside it: the sign-in
/// link, the redirect URI, the transaction cookie's path, the return after sign-in and every link on the pages.
/// </summary>
public sealed class PathBaseSupport : IAsyncLifetime
{
    private static readonly Uri Origin = new("http://localhost/app/");
    private readonly ScriptedClientHost _host = new(clientOrigin: Origin);

    [Fact]
    public async Task A_protected_page_under_a_path_prefix_signs_in_and_comes_back_inside_the_prefix()
    {
        var browser = _host.NewBrowser();

        var protectedPage = await browser.GetAsync(Origin + "photos", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.Status);
        Assert.Equal("/app/account/login?returnUrl=%2Fphotos", PathOf(protectedPage));

        var request = await _host.BeginSignInAsync(browser, returnUrl: "/photos");
        Assert.Equal("http://localhost/app/callback", request.RedirectUri);

        var callback = await _host.CallbackAsync(browser, request);
        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.Equal("/app/photos", PathOf(callback));

        var gallery = await browser.GetAsync(new Uri(Origin, PathOf(callback)).AbsoluteUri, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("href=\"/app/photos/scripted-photo\"", gallery.Html, StringComparison.Ordinal);
        Assert.Contains("src=\"/app/photos/scripted-photo/thumbnail\"", gallery.Html, StringComparison.Ordinal);
        Assert.Contains("action=\"/app/account/logout\"", gallery.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/photos", gallery.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_link_follows_OAuth_LoginPath()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?> { ["OAuth:LoginPath"] = "/signin" });
        var browser = host.NewBrowser();

        var protectedPage = await browser.GetAsync(host.ClientOrigin + "photos", followRedirects: false);
        var login = await browser.GetAsync(host.ClientOrigin + "signin?returnUrl=%2Fphotos", followRedirects: false);
        var home = await browser.GetAsync(host.ClientOrigin.AbsoluteUri, followRedirects: false);

        Assert.Equal("/signin?returnUrl=%2Fphotos", PathOf(protectedPage));
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.StartsWith(host.Server.AuthorizationEndpoint.AbsoluteUri, login.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("href=\"/signin?returnUrl=%2Fphotos\"", home.Html, StringComparison.Ordinal);
    }

    private static string PathOf(BrowserPage page) =>
        page.Location!.IsAbsoluteUri ? page.Location.PathAndQuery : page.Location.OriginalString;

    public Task InitializeAsync()
    {
        _host.Factory.Server.BaseAddress = Origin;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
