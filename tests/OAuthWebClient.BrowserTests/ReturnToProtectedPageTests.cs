using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>A protected page opened while signed out leads through sign-in and back to that very page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnToProtectedPageTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task A_protected_page_while_signed_out_leads_to_sign_in_and_back_to_that_page()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "return-to-protected-page");

        await session.GotoAsync("/photos/lighthouse-in-fog");
        await session.LogInAtSandboxAsync("alice");
        await session.DecideConsentAsync(allow: true);

        await Expect(session.Page).ToHaveURLAsync(session.App.Url("/photos/lighthouse-in-fog"));
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Lighthouse in fog", Level = 1 })).ToBeVisibleAsync();
        await session.ExpectSignedInAsync("Alice");
        await session.ScreenshotAsync("back-on-the-photo");
    }
}
