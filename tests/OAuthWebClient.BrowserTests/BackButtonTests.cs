using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// After sign-in, the browser goes back to the callback URL it came through (history, back button, reload of a
/// restored tab). The person is already signed in: no error page, and the code is not sent to the server again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BackButtonTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Returning_to_the_used_callback_after_sign_in_shows_no_error_and_redeems_nothing_twice()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "back-button");
        await session.GotoAsync("/");
        await session.SignInAsync("bob", screenshots: false);
        await session.ScreenshotAsync("gallery-after-sign-in");
        var callback = session.CallbackUrl ?? throw new InvalidOperationException("The browser never went through the callback.");
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(callback).Query)["code"].ToString();
        Assert.Equal(1, session.App.Traffic.RedemptionsOf(code));

        await session.Page.GotoAsync(callback);

        // Either straight back into the app, or the friendly "You are already signed in" notice — never a failure.
        var kind = await session.ErrorKindAsync();
        Assert.True(kind is null or "already-signed-in", $"Expected no error page for a signed-in user, got \"{kind}\".");
        await session.ExpectSignedInAsync("Bob");
        await session.ScreenshotAsync("back-on-the-callback");
        Assert.Equal(1, session.App.Traffic.RedemptionsOf(code));
        if (kind is not null)
        {
            await session.Page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
            Assert.Null(await session.ErrorKindAsync());
            await session.ExpectSignedInAsync("Bob");
        }

        await session.GotoAsync("/flow");
        await Expect(session.Page.GetByTestId("activity")).ToContainTextAsync("Callback revisited");
        await session.ScreenshotAsync("inspector-shows-the-revisit");
    }
}
