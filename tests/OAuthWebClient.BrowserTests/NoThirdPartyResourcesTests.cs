using OAuthWebClient.BrowserTests.Infrastructure;

namespace OAuthWebClient.BrowserTests;

/// <summary>Bootstrap, scripts and fonts are served by the app itself: no CDN, no external font or script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoThirdPartyResourcesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Every_request_the_browser_makes_goes_to_the_app_or_its_sign_in_server()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);
        foreach (var path in (string[])["/photos/sailing-regatta", "/profile", "/flow", "/flow/error-pages/login-expired"])
        {
            await session.GotoAsync(path);
        }

        string[] allowed = [session.App.ClientOrigin.GetLeftPart(UriPartial.Authority) + "/", session.App.AuthServerOrigin.GetLeftPart(UriPartial.Authority) + "/"];
        var elsewhere = session.Urls.Where(url => !allowed.Any(origin => url.StartsWith(origin, StringComparison.Ordinal))).ToList();
        Assert.True(elsewhere.Count == 0, "Requests to other sites: " + string.Join(", ", elsewhere));
        Assert.Contains(session.Urls, url => url.Contains("/lib/bootstrap/css/bootstrap.min.css", StringComparison.Ordinal));
        Assert.Contains(session.Urls, url => url.Contains("/lib/bootstrap/js/bootstrap.bundle.min.js", StringComparison.Ordinal));
    }
}
