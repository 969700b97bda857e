using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Providers;

/// <summary>
/// <c>OAuth:Providers:{name}</c>: each provider has its own redirect URI, metadata and client credentials, and a
/// session stays with the provider that signed it in (RFC 9700 §4.4.2: distinct redirect URIs against mix-up).
/// </summary>
public sealed class SeveralProviders
{
    [Fact]
    public async Task With_none_named_the_sign_in_page_lists_every_provider_by_display_name()
    {
        await using var two = await TwoProviders.StartAsync();

        var page = await two.Client.NewBrowser().GetAsync(two.Client.ClientOrigin + "account/login?returnUrl=%2Fphotos", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Sign in with North Identity", page.Html, StringComparison.Ordinal);
        Assert.Contains("Sign in with south", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login?provider=north&amp;returnUrl=%2Fphotos\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_provider_gets_its_own_redirect_uri()
    {
        await using var two = await TwoProviders.StartAsync();
        var browser = two.Client.NewBrowser();

        var north = await two.BeginAsync(browser, "north");
        var south = await two.BeginAsync(browser, "south");

        Assert.Equal(two.Client.ClientOrigin + "callback/north", north.RedirectUri);
        Assert.Equal(two.Client.ClientOrigin + "callback/south", south.RedirectUri);
    }

    [Fact]
    public async Task A_sign_in_with_one_provider_uses_only_that_providers_server_and_credentials()
    {
        await using var two = await TwoProviders.StartAsync();
        var browser = two.Client.NewBrowser();

        await two.SignInAsync(browser, "south");

        Assert.True(await two.Client.IsSignedInAsync(browser));
        Assert.Equal(0, two.North.TokenCalls);
        var redemption = Assert.Single(two.South.TokenRequests);
        Assert.Equal(two.Client.ClientOrigin + "callback/south", redemption.Form["redirect_uri"]);
        var stored = await two.Client.Sessions.GetAsync(two.Client.Sessions.StoredSessions.Last(), CancellationToken.None);
        Assert.Equal("south", stored?.Provider);
        Assert.DoesNotContain(ScriptedAuthorizationServer.ClientSecret, redemption.Authorization ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_for_one_provider_at_anothers_redirect_uri_is_refused_before_any_token_request()
    {
        await using var two = await TwoProviders.StartAsync();
        var browser = two.Client.NewBrowser();
        var northRequest = await two.BeginAsync(browser, "north");

        var page = await two.AnswerAsync(browser, northRequest, issuer: "north", callbackProvider: "south");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("another provider", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, two.North.TokenCalls + two.South.TokenCalls);
        Assert.False(await two.Client.IsSignedInAsync(browser));
    }

    [Theory]
    [InlineData("account/login?provider=nowhere")]
    [InlineData("callback/nowhere?code=c&state=s")]
    public async Task An_unknown_provider_is_a_400_that_says_so(string path)
    {
        await using var two = await TwoProviders.StartAsync();

        var page = await two.Client.NewBrowser().GetAsync(two.Client.ClientOrigin + path, followRedirects: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("No such sign-in provider", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_revocation_and_logout_go_to_the_sessions_provider()
    {
        await using var two = await TwoProviders.StartAsync();
        var browser = two.Client.NewBrowser();
        await two.SignInAsync(browser, "south");

        two.Client.Time.Advance(TimeSpan.FromMinutes(5));
        var gallery = await browser.GetAsync(two.Client.ClientOrigin + "photos");
        var logout = await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal(["authorization_code", "refresh_token"], two.South.TokenRequests.Select(r => r.GrantType));
        Assert.True(two.South.RevocationCalls > 0);
        Assert.Equal(0, two.North.TokenCalls + two.North.RevocationCalls);
        Assert.StartsWith(two.South.Issuer + "endsession", logout.Location?.AbsoluteUri ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_up_without_a_provider_goes_to_the_sessions_provider()
    {
        await using var two = await TwoProviders.StartAsync();
        var browser = two.Client.NewBrowser();
        await two.SignInAsync(browser, "south");

        var login = await browser.GetAsync(two.Client.ClientOrigin + "account/login?returnUrl=%2Fprofile", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.StartsWith(two.South.AuthorizationEndpoint.AbsoluteUri, login.Location!.AbsoluteUri, StringComparison.Ordinal);
    }
}
