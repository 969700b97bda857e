using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9700 §4.7, RFC 6749 §10.12: a state is used once. A replayed callback — back button, bookmark, a copied
/// cookie, a double click — gets a friendly 400 and never reaches the token endpoint again.
/// </summary>
public sealed class CallbackStateIsSingleUse : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Callback_replayed_after_success_is_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var query = _host.ResponseQuery(request);
        var first = await _host.CallbackAsync(browser, query);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        // The back button: the same browser, already signed in, loads the callback URL again.
        var replay = await _host.CallbackAsync(browser, query);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Contains("already", replay.Html, StringComparison.Ordinal);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_replayed_from_a_bookmark_in_another_browser_is_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var query = _host.ResponseQuery(request);
        await _host.CallbackAsync(browser, query);

        var replay = await _host.CallbackAsync(_host.NewBrowser(), query);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_replayed_with_a_copied_transaction_cookie_is_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var attacker = CopyCookies(browser);
        var query = _host.ResponseQuery(request);
        await _host.CallbackAsync(browser, query);

        var replay = await _host.CallbackAsync(attacker, query);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Contains("already been used", replay.Html, StringComparison.Ordinal);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.False(await _host.IsSignedInAsync(attacker));
    }

    [Fact]
    public async Task Callback_replayed_with_a_copied_cookie_until_the_cookie_expires_is_still_rejected()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var attacker = CopyCookies(browser);
        var query = _host.ResponseQuery(request);
        await _host.CallbackAsync(browser, query);

        // The used state is remembered as long as the transaction cookie is valid (10 minutes by default).
        _host.Time.Advance(TimeSpan.FromMinutes(9.5));
        var replay = await _host.CallbackAsync(attacker, query);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_replayed_after_a_failed_code_redemption_does_not_redeem_the_code_again()
    {
        _host.Server.RespondToTokenRequests(_ => ScriptedAuthorizationServer.Json(HttpStatusCode.InternalServerError, "<html>Oops</html>"));
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var attacker = CopyCookies(browser);
        var query = _host.ResponseQuery(request);
        var failed = await _host.CallbackAsync(browser, query);
        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);

        // Reloading the failed page, or replaying it with the copied cookie, must not retry the code (RFC 6749 §4.1.2).
        var reload = await _host.CallbackAsync(browser, query);
        var replay = await _host.CallbackAsync(attacker, query);

        Assert.Equal(HttpStatusCode.BadRequest, reload.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_sent_twice_at_once_redeems_the_code_only_once()
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var twin = CopyCookies(browser);
        var query = _host.ResponseQuery(request);

        // A double click: two identical callbacks race each other.
        var pages = await Task.WhenAll(_host.CallbackAsync(browser, query), _host.CallbackAsync(twin, query));

        Assert.Single(pages, p => p.Status == HttpStatusCode.Redirect);
        Assert.Single(pages, p => p.Status == HttpStatusCode.BadRequest);
        Assert.Equal(1, _host.Server.TokenCalls);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    private Browser CopyCookies(Browser from)
    {
        var copy = _host.NewBrowser();
        foreach (System.Net.Cookie cookie in from.Cookies.GetAllCookies())
        {
            copy.Cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
