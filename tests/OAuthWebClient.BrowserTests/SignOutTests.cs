using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>Sign out: anonymous again, and the session cookie from before no longer signs anyone in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Signing_out_makes_the_browser_anonymous_and_the_old_session_cookie_useless()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "sign-out");
        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);
        await session.ScreenshotAsync("signed-in");
        var sessionCookies = (await session.Context.CookiesAsync([session.App.ClientOrigin.AbsoluteUri]))
            .Where(c => c.Name.Contains("session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sessionCookies);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signed-out"));
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await session.ExpectSignedOutAsync();
        await session.ScreenshotAsync("signed-out");

        // Replay the old cookie, in this browser and in a fresh one: the tokens behind it are gone, so it is refused.
        await session.Context.AddCookiesAsync(sessionCookies.Select(ToCookie));
        await session.GotoAsync("/photos");
        Assert.StartsWith(session.App.AuthServerOrigin.GetLeftPart(UriPartial.Authority), session.Page.Url, StringComparison.Ordinal);
        await Expect(session.Page.GetByLabel("Username")).ToBeVisibleAsync();
        await session.ScreenshotAsync("old-cookie-leads-to-sign-in");

        await using var replay = await fixture.NewSessionAsync();
        await replay.Context.AddCookiesAsync(sessionCookies.Select(ToCookie));
        await replay.GotoAsync("/");
        await replay.ExpectSignedOutAsync();
    }

    private static Cookie ToCookie(BrowserContextCookiesResult c) => new()
    {
        Name = c.Name,
        Value = c.Value,
        Domain = c.Domain,
        Path = c.Path,
        HttpOnly = c.HttpOnly,
        Secure = c.Secure,
        SameSite = c.SameSite,
    };
}
