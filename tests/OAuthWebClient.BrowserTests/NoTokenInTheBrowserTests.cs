using OAuthWebClient.BrowserTests.Infrastructure;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// RFC 9700 §4.14 / the token-mediating backend pattern: across a whole visit — sign-in, gallery, a photo, the
/// profile, the flow inspector, sign-out — no access, refresh or ID token, no PKCE verifier and no client secret
/// appears in any URL, response header or body, cookie, or page the browser sees.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoTokenInTheBrowserTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task No_token_value_appears_in_any_cookie_page_or_url_the_browser_sees()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "no-token-in-the-browser");
        await session.GotoAsync("/");
        await session.SignInAsync("alice");
        await session.ScreenshotAsync("gallery");
        foreach (var (path, step) in (List<(string, string)>)[("/photos/harbour-at-dawn", "photo"), ("/profile", "profile"), ("/flow", "flow-inspector")])
        {
            await session.GotoAsync(path);
            await session.ScreenshotAsync(step);
        }

        var whileSignedIn = await session.EverythingSeenAsync();
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("/account/signed-out", StringComparison.Ordinal));
        await session.ScreenshotAsync("signed-out");

        var seen = whileSignedIn.Concat(await session.EverythingSeenAsync()).ToList();

        var secrets = session.App.Traffic.BrowserSecrets;
        Assert.Contains(session.App.Traffic.Tokens, t => t.StartsWith("eyJ", StringComparison.Ordinal)); // the tokens were captured at all
        Assert.NotEmpty(session.App.Traffic.Verifiers);
        Assert.True(seen.Count > 20, "The browser's traffic should have been recorded.");
        foreach (var secret in secrets)
        {
            var leak = seen.FirstOrDefault(text => text.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A secret starting {secret[..6]} reached the browser in: {leak?[..Math.Min(200, leak.Length)]}");
        }
    }
}
