using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// With a 62-second access token and the default 60-second refresh window, a refresh is due two seconds after
/// sign-in. Browsing on, the person never sees the sign-in server again: the client refreshes on the back-channel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefreshWhileBrowsingTests(BrowserFixture fixture)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(45);

    [BrowserFact]
    public async Task A_short_lived_access_token_is_refreshed_invisibly_while_browsing()
    {
        await using var app = await AppHost.StartAsync(new AppHostSettings { AccessTokenLifetime = TimeSpan.FromSeconds(62) });
        await using var session = await fixture.NewSessionAsync(app, scenario: "refresh-while-browsing");
        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);
        await session.ScreenshotAsync("gallery-after-sign-in");
        var visitsToServer = VisitsToAuthorizationServer(session);

        var deadline = DateTime.UtcNow + GiveUpAfter;
        var pages = 0;
        while (app.Traffic.Refreshes == 0 || pages < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No refresh within {GiveUpAfter.TotalSeconds} s of browsing.");
            await session.GotoAsync(pages % 2 == 0 ? "/photos/harbour-at-dawn" : "/photos");
            Assert.Null(await session.ErrorKindAsync());
            await session.ExpectSignedInAsync("Alice");
            pages = app.Traffic.Refreshes > 0 ? pages + 1 : 0;
            await Task.Delay(500);
        }

        await session.GotoAsync("/photos");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        await session.ScreenshotAsync("gallery-after-refresh");
        Assert.Equal(visitsToServer, VisitsToAuthorizationServer(session));

        await session.GotoAsync("/profile");
        await Expect(session.Page.GetByTestId("last-refreshed")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("UTC$"));
        await session.ScreenshotAsync("profile-after-refresh");

        await session.GotoAsync("/flow#since");
        var refresh = session.Page.Locator("[data-testid=activity] tr[data-kind=Refresh]").First;
        await Expect(refresh).ToContainTextAsync("200");
        await Expect(refresh).ToContainTextAsync("Rotated");
        await Expect(session.Page.Locator("[data-testid=activity] tr[data-kind=ApiCall]").Filter(new() { HasText = "New access token" }).First).ToBeVisibleAsync();
        await session.Screenshots!.TakeAsync(session.Page.Locator("#since"), "inspector-refreshes");
    }

    private static int VisitsToAuthorizationServer(BrowserSession session) =>
        session.Urls.Count(u => u.StartsWith(session.App.AuthServerOrigin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
}
