using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>Pressing Deny at the sandbox: a friendly page, and nobody signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsentDeniedTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Denying_consent_shows_a_friendly_page_and_leaves_the_browser_signed_out()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "consent-denied");
        await session.GotoAsync("/");
        await session.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await session.LogInAtSandboxAsync("alice");

        await session.DecideConsentAsync(allow: false);

        Assert.Equal("consent-denied", await session.ErrorKindAsync());
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in was cancelled" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("error-advice")).ToContainTextAsync("Allow");
        await Expect(session.Page.GetByTestId("retry")).ToHaveAttributeAsync("href", "/account/login");
        await session.ExpectSignedOutAsync();
        await session.ScreenshotAsync("consent-denied-page");

        await session.GotoAsync("/photos");
        Assert.StartsWith(session.App.AuthServerOrigin.GetLeftPart(UriPartial.Authority), session.Page.Url, StringComparison.Ordinal);
        Assert.Contains("error=access_denied", session.CallbackUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", session.CallbackUrl, StringComparison.Ordinal);
    }
}
