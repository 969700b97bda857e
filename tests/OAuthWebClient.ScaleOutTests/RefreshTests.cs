using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;
using OpenIddict.Abstractions;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>Refresh driven by the client's clock, against the real sandbox.</summary>
public sealed class RefreshTests : IAsyncLifetime
{
    private readonly ClockControl _clock = new();
    private readonly TestHosts _hosts;

    public RefreshTests() => _hosts = new TestHosts(_clock.Configure);

    [Fact]
    public async Task An_expired_access_token_is_refreshed_before_the_api_call()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var firstToken = LastApiAuthorization();

        _clock.Time.Advance(TimeSpan.FromMinutes(5));
        var gallery = await browser.GetAsync(TestHosts.ClientOrigin + "photos");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal(2, _hosts.TokenEndpointCalls);
        Assert.NotEqual(firstToken, LastApiAuthorization());
    }

    [Fact]
    public async Task A_token_far_from_expiry_is_not_refreshed()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        _clock.Time.Advance(TimeSpan.FromMinutes(3));
        await browser.GetAsync(TestHosts.ClientOrigin + "photos");

        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    [Fact]
    public async Task Invalid_grant_sends_the_user_to_sign_in_once_and_sign_in_works_again()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        await RevokeEverythingAtTheServerAsync();

        _clock.Time.Advance(TimeSpan.FromMinutes(5));
        var redirect = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
        Assert.Equal("/account/login", redirect.Location!.AbsolutePath);

        // The dead session is gone (no second refresh attempt), and one new sign-in brings the gallery back.
        var signIn = await browser.GetAsync(redirect.Location.ToString());
        var gallery = await browser.SubmitAsync(signIn, "Allow", button: "decision=allow");
        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.Router.Requests.Count(r => r.Body?.Contains("grant_type=refresh_token", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_failing_token_endpoint_keeps_serving_while_the_token_is_valid_and_then_asks_to_try_again()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => r.Uri.AbsolutePath == "/connect/token"
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>maintenance</html>") }
            : null;

        _clock.Time.Advance(TimeSpan.FromMinutes(4.5)); // inside the 60 s refresh window, still valid
        var stillServed = await browser.GetAsync(TestHosts.ClientOrigin + "photos");
        Assert.Equal(HttpStatusCode.OK, stillServed.Status);

        _clock.Time.Advance(TimeSpan.FromMinutes(1)); // now expired
        var tryAgain = await browser.GetAsync(TestHosts.ClientOrigin + "photos");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tryAgain.Status);
        Assert.Contains("temporarily-unavailable", tryAgain.Html, StringComparison.Ordinal);

        _hosts.Router.Fault = null; // the server is back: same session, no new sign-in
        var back = await browser.GetAsync(TestHosts.ClientOrigin + "photos");
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Contains("Harbour at dawn", back.Html, StringComparison.Ordinal);
    }

    private string? LastApiAuthorization() =>
        _hosts.Router.Requests.Last(r => r.Uri.Port == TestHosts.PhotosApiOrigin.Port).Authorization;

    /// <summary>Revokes every token at the sandbox, as an administrator would: the next refresh gets invalid_grant.</summary>
    private async Task RevokeEverythingAtTheServerAsync()
    {
        await using var scope = _hosts.AuthServer.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        await foreach (var token in tokens.ListAsync(count: null, offset: null, CancellationToken.None))
        {
            await tokens.TryRevokeAsync(token, CancellationToken.None);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
