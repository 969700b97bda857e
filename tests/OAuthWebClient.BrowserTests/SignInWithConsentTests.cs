using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>Home → Sign in → sandbox login → Allow → the gallery with this user's photos, a photo, the profile.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInWithConsentTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Signing_in_with_consent_shows_the_users_photos_and_profile()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "sign-in-with-consent");
        var page = session.Page;
        await session.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync("Home – OAuthWebClient");
        await session.ScreenshotAsync("home");

        await session.SignInAsync("alice");

        Assert.Equal(session.App.Url("/photos"), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your photos", Level = 1 })).ToBeVisibleAsync();
        await session.ExpectSignedInAsync("Alice");
        var photos = page.GetByRole(AriaRole.List, new() { Name = "Photos" }).GetByRole(AriaRole.Link);
        await Expect(photos.Filter(new() { HasText = "Harbour at dawn" })).ToBeVisibleAsync();
        await Expect(photos.Filter(new() { HasText = "Lighthouse in fog" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Mountain lake")).ToHaveCountAsync(0);
        Assert.True(await AllImagesLoadedAsync(page), "Every thumbnail should be relayed by the client and decode as an image.");
        await session.ScreenshotAsync("gallery");

        await page.SetViewportSizeAsync(390, 844);
        await session.ScreenshotAsync("gallery-phone");
        await page.SetViewportSizeAsync(1200, 800);

        await photos.Filter(new() { HasText = "Lighthouse in fog" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(session.App.Url("/photos/lighthouse-in-fog"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lighthouse in fog" })).ToBeVisibleAsync();
        Assert.True(await AllImagesLoadedAsync(page));
        await session.ScreenshotAsync("photo");

        await session.Navigation.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(page.GetByTestId("issuer")).ToHaveTextAsync(session.App.AuthServerOrigin.GetLeftPart(UriPartial.Authority) + "/");
        await Expect(page.GetByTestId("scopes")).ToContainTextAsync("photos");
        await Expect(page.GetByTestId("refresh-token-held")).ToHaveTextAsync("Yes");
        await Expect(page.GetByTestId("expires-in")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^in \d+ min \d+ s$"));
        await Expect(page.GetByTestId("claims")).ToContainTextAsync("sub");
        await session.ScreenshotAsync("profile");
    }

    private static async Task<bool> AllImagesLoadedAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return await page.EvaluateAsync<bool>("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
    }
}
