using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

public sealed class EndSessionTests(AuthServerFactory factory) : IClassFixture<AuthServerFactory>
{
    [Fact]
    public async Task End_session_signs_out_and_redirects_to_the_registered_post_logout_uri_with_state()
    {
        using var browser = factory.CreateBrowser();
        var flow = new CodeFlow(browser);
        var idToken = (await flow.GetTokensAsync()).GetProperty("id_token").GetString()!;

        var response = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = AuthServerFactory.PostLogoutRedirectUri,
            ["state"] = "bye",
        }), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(AuthServerFactory.PostLogoutRedirectUri, location.GetLeftPart(UriPartial.Path));
        Assert.Equal("bye", QueryHelpers.ParseQuery(location.Query)["state"]);

        // The AS session is gone: a new authorization request goes back to the login page.
        var again = await browser.GetAsync(new Uri(new CodeFlow(browser).AuthorizeUrl(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/login", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task End_session_with_an_unregistered_post_logout_uri_is_rejected()
    {
        using var browser = factory.CreateBrowser();
        var response = await browser.GetAsync(new Uri(
            "/connect/endsession?post_logout_redirect_uri=" + Uri.EscapeDataString("http://evil.example/") + "&state=bye",
            UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
