using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §3.3, §5.1: no <c>scope</c> in the token response means the scope requested; a granted scope without
/// <c>photos</c> signs the person in, but the gallery says the permission is missing instead of calling the API.
/// </summary>
public sealed class GrantedScope : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Token_response_without_scope_is_taken_as_the_scope_requested()
    {
        RespondWithScope(null);

        var gallery = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Scripted harbour", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(1, _host.Server.PhotosApiCalls);
    }

    [Fact]
    public async Task Granted_scope_without_photos_signs_in_but_the_gallery_does_not_call_the_api()
    {
        RespondWithScope("openid profile offline_access");
        var browser = _host.NewBrowser();

        var gallery = await _host.SignInAsync(browser);

        Assert.Equal(HttpStatusCode.Forbidden, gallery.Status);
        Assert.Contains("data-testid=\"permission-missing\"", gallery.Html, StringComparison.Ordinal);
        Assert.True(await _host.IsSignedInAsync(browser));
        Assert.Equal(0, _host.Server.PhotosApiCalls);
    }

    private void RespondWithScope(string? scope) => _host.Server.RespondToTokenRequests(request =>
    {
        var members = _host.Server.TokenResponseMembers(request);
        members.Remove("scope");
        if (scope is not null)
        {
            members["scope"] = scope;
        }

        return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
