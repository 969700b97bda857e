using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// How the bearer handler treats the photos API's answers (RFC 6750 §3.1). The API's misbehaviour is injected
/// (a resource server that answers 401/403 on purpose); everything else is the real sandbox. Redirects from the API
/// are tested on real sockets (IntegrationTests/Security/BackchannelRedirects.cs).
/// </summary>
public sealed class PhotosApiCallTests : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    [Fact]
    public async Task Insufficient_scope_starts_one_step_up_sign_in_asking_for_the_missing_scope()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => IsPhotosList(r) ? Challenge(HttpStatusCode.Forbidden, "error=\"insufficient_scope\", scope=\"photos.admin\"") : null;

        var stepUp = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, stepUp.Status);
        Assert.Equal("/account/login", stepUp.Location!.AbsolutePath);
        Assert.DoesNotContain("photos.admin", stepUp.Location.Query, StringComparison.Ordinal); // sealed, not readable

        var authorize = await browser.GetAsync(stepUp.Location.ToString(), followRedirects: false);
        // The sandbox refuses the unknown scope at the push (RFC 9126 §2.3); what matters is what was asked for.
        var scope = _hosts.AuthorizationParameters(authorize)["scope"].ToString().Split(' ');
        Assert.Contains("photos.admin", scope);
        Assert.Contains("photos", scope);
        Assert.Equal(1, _hosts.TokenEndpointCalls); // no refresh: a refresh cannot add a scope
    }

    [Fact]
    public async Task A_step_up_value_not_sealed_by_the_app_cannot_change_the_authorization_request()
    {
        var browser = _hosts.NewBrowser();

        var authorize = await browser.GetAsync(TestHosts.ClientOrigin + "account/login?returnUrl=%2F&stepUp=photos.admin", followRedirects: false);

        var scope = _hosts.AuthorizationParameters(authorize)["scope"].ToString();
        Assert.Equal("openid profile offline_access photos", scope);
    }

    [Fact]
    public async Task Insufficient_scope_for_a_scope_already_granted_explains_instead_of_looping()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => IsPhotosList(r) ? Challenge(HttpStatusCode.Forbidden, "error=\"insufficient_scope\", scope=\"photos\"") : null;

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("permission-missing", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_token_from_the_api_is_refreshed_once_and_retried_once()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var rejected = 0;
        _hosts.Router.Fault = r => IsPhotosList(r) && Interlocked.Increment(ref rejected) == 1
            ? Challenge(HttpStatusCode.Unauthorized, "error=\"invalid_token\"")
            : null;

        var gallery = await browser.GetAsync(TestHosts.ClientOrigin + "photos");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(2, _hosts.TokenEndpointCalls); // sign-in, then one refresh
        var apiCalls = _hosts.Router.Requests.Where(IsPhotosList).TakeLast(2).ToList();
        Assert.NotEqual(apiCalls[0].Authorization, apiCalls[1].Authorization);
    }

    private static bool IsPhotosList(RecordedRequest request) =>
        request.Uri.Port == TestHosts.PhotosApiOrigin.Port && request.Uri.AbsolutePath == "/photos";

    private static HttpResponseMessage Challenge(HttpStatusCode status, string parameters) =>
        new(status) { Headers = { WwwAuthenticate = { new AuthenticationHeaderValue("Bearer", parameters) } } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
