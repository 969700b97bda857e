using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// Two tabs of one browser each start a sign-in, then both press Allow at the same time: each sign-in has its own
/// transaction cookie (named after its state), so both callbacks succeed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoTabsTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Two_tabs_signing_in_at_the_same_time_both_reach_the_gallery()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "two-tabs");
        var first = session.Page;
        var second = await session.Context.NewPageAsync();
        // Tab 1 starts a sign-in and logs in at the sandbox; tab 2 starts its own while tab 1 waits at the consent page
        // (the sandbox remembers the login, so tab 2 goes straight to consent). Two sign-ins are now in flight.
        await first.GotoAsync(session.App.Url("/account/login?returnUrl=%2Fphotos"));
        await session.LogInAtSandboxAsync("alice", first, screenshot: null);
        await second.GotoAsync(session.App.Url("/account/login?returnUrl=%2Fphotos%2Fharbour-at-dawn"));
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeVisibleAsync();
        Assert.Equal(2, (await session.Context.CookiesAsync([session.App.Url("/callback")])).Count(c => c.Name.Contains("oauth.tx.", StringComparison.Ordinal)));
        await session.ScreenshotAsync("first-tab-consent", first);
        await session.ScreenshotAsync("second-tab-consent", second);

        await Task.WhenAll(
            session.DecideConsentAsync(allow: true, first, screenshot: null),
            session.DecideConsentAsync(allow: true, second, screenshot: null));

        await Expect(first).ToHaveURLAsync(session.App.Url("/photos"));
        await Expect(second).ToHaveURLAsync(session.App.Url("/photos/harbour-at-dawn"));
        Assert.Null(await session.ErrorKindAsync(first));
        Assert.Null(await session.ErrorKindAsync(second));
        await session.ExpectSignedInAsync("Alice", first);
        await session.ExpectSignedInAsync("Alice", second);
        await Expect(first.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.Img, new() { Name = "Harbour at dawn" })).ToBeVisibleAsync();
        Assert.Equal(2, session.App.Traffic.Codes.Count(code => session.Urls.Any(u => u.Contains("code=" + code, StringComparison.Ordinal))));
        await session.ScreenshotAsync("first-tab-gallery", first);
        await session.ScreenshotAsync("second-tab-photo", second);
    }
}
