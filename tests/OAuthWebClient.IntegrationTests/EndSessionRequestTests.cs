using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests;

/// <summary>
/// RP-Initiated Logout 1.0 §2 against the sandbox: <c>id_token_hint</c> by default beside <c>client_id</c>,
/// <c>post_logout_redirect_uri</c> and <c>state</c>; by GET in the query (the default), by POST only in a form body.
/// </summary>
public sealed class EndSessionRequestTests : IAsyncLifetime
{
    private TestHosts _hosts = new();

    [Fact]
    public async Task By_default_the_logout_redirect_carries_the_id_token_hint_and_the_other_parameters()
    {
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");

        var logout = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, logout.Status);
        var query = QueryHelpers.ParseQuery(logout.Location!.Query);
        Assert.Equal(["client_id", "id_token_hint", "post_logout_redirect_uri", "state"], query.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, query["id_token_hint"].ToString().Split('.').Length);
        Assert.Equal(TestHosts.ClientId, query["client_id"]);
        var signedOut = await browser.GetAsync(logout.Location.AbsoluteUri);
        Assert.Contains("signed out there too", signedOut.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_SendIdTokenHintAtLogout_false_no_hint_is_sent()
    {
        await UseClientSettingAsync("OAuth:SendIdTokenHintAtLogout", "false");
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");

        var logout = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        var query = QueryHelpers.ParseQuery(logout.Location!.Query);
        Assert.False(query.ContainsKey("id_token_hint"));
        Assert.True(query.ContainsKey("client_id"));
    }

    [Fact]
    public async Task By_POST_the_app_renders_a_form_with_the_parameters_in_its_body_only_and_the_server_ends_the_session()
    {
        await UseClientSettingAsync("OAuth:EndSessionMethod", "Post");
        var browser = _hosts.NewBrowser();
        var gallery = await _hosts.SignInAsync(browser, "alice");

        var page = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Location);
        Assert.Equal("no-store", page.Headers["Cache-Control"]);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
        var form = HtmlForm.Find(page.Html, "end-session-form");
        Assert.Equal(TestHosts.Issuer + "connect/endsession", form.Action);
        Assert.Equal(["client_id", "id_token_hint", "post_logout_redirect_uri", "state"], form.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("src=\"/js/auto-submit.js\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in as", page.Html, StringComparison.Ordinal);

        var signedOut = await browser.SubmitAsync(page, "end-session-form");
        Assert.Contains("signed out there too", signedOut.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(browser.History, uri => uri.Query.Contains("id_token_hint", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    private async Task UseClientSettingAsync(string key, string value)
    {
        await _hosts.DisposeAsync();
        _hosts = new TestHosts(builder => builder.UseSetting(key, value));
    }
}
