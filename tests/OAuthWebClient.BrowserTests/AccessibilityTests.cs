using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>Every page has a sensible title and one h1, every control a label, and the whole visit works from the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Every_page_has_a_title_one_main_heading_and_labelled_controls()
    {
        await using var session = await fixture.NewSessionAsync();
        string[] anonymous = ["/", "/account/signed-out", "/callback?state=unknown&code=unknown", "/flow/error-pages", "/no-such-page"];
        string[] signedIn = ["/", "/photos", "/photos/harbour-at-dawn", "/profile", "/flow", "/flow/source/src/OAuthWebClient.Client/Login/Pkce.cs"];

        foreach (var path in anonymous)
        {
            await PageChecks.ExpectAccessibleAsync(session, path);
        }

        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);
        foreach (var path in signedIn)
        {
            await PageChecks.ExpectAccessibleAsync(session, path);
        }
    }

    [BrowserFact]
    public async Task The_whole_visit_works_with_the_keyboard_alone()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "keyboard");
        var page = session.Page;
        await session.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await session.ScreenshotAsync("skip-link");
        await TabToAsync(page, "main a", "Sign in");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Username")).ToBeFocusedAsync();
        await session.ScreenshotAsync("sandbox-login");
        await page.Keyboard.TypeAsync("alice");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("alice");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("consent");
        await TabToAsync(page, "button", "Allow");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(session.App.Url("/photos"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await TabToAsync(page, "main a", "Lighthouse in fog");
        await session.ScreenshotAsync("photo-focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(session.App.Url("/photos/lighthouse-in-fog"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await TabToAsync(page, "button", "Sign out");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> and contains <paramref name="text"/>.</summary>
    private static async Task TabToAsync(IPage page, string selector, string text)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<bool>(
                "([selector, text]) => { const el = document.activeElement; return !!el && el.matches(selector) && el.textContent.includes(text); }",
                new[] { selector, text });
            if (focused)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached \"{text}\" ({selector}) on {page.Url}.");
    }
}
