using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using OAuthWebClient.Testing;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// One page per failure kind — denied consent (see <see cref="ConsentDeniedTests"/>), expired login, server
/// unreachable, session expired — each with a plain explanation and a "try again" action that works.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task An_expired_or_unknown_sign_in_response_explains_itself_and_offers_a_fresh_sign_in()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "error-login-expired");

        await session.GotoAsync("/callback?code=not-a-real-code&state=no-sign-in-started-with-this-state&iss=x");

        Assert.Equal("login-expired", await session.ErrorKindAsync());
        await ExpectExplainedAsync(session.Page, "This sign-in link is no longer valid");
        await session.ExpectSignedOutAsync();
        await session.ScreenshotAsync("login-expired");
        await session.Page.GetByTestId("retry").ClickAsync();
        await Expect(session.Page.GetByLabel("Username")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task An_unreachable_authorization_server_explains_itself_and_offers_to_try_again()
    {
        var nobody = $"http://127.0.0.1:{FreePort.Next()}/";
        await using var app = await AppHost.StartAsync(new AppHostSettings
        {
            Settings = new Dictionary<string, string> { ["OAuth:Authority"] = nobody, ["PhotosApi:BaseAddress"] = nobody, ["OAuth:BackchannelTimeout"] = "00:00:02" },
        });
        await using var session = await fixture.NewSessionAsync(app, scenario: "error-server-unreachable");
        await session.GotoAsync("/");

        await session.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();

        Assert.Equal("server-unreachable", await session.ErrorKindAsync());
        await ExpectExplainedAsync(session.Page, "The sign-in server cannot be reached");
        await Expect(session.Page.GetByTestId("retry")).ToHaveAttributeAsync("href", "/account/login");
        await session.ScreenshotAsync("server-unreachable");
    }

    [BrowserFact]
    public async Task Every_failure_kind_has_its_own_page_with_an_explanation_and_a_try_again_action()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "error-pages");
        string[] kinds = ["consent-denied", "login-expired", "server-unreachable", "session-expired"];
        var titles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var kind in kinds)
        {
            await session.GotoAsync("/flow/error-pages/" + kind);
            Assert.Equal(kind, await session.ErrorKindAsync());
            await ExpectExplainedAsync(session.Page, title: null);
            titles.Add(await session.Page.TitleAsync());
            await session.ScreenshotAsync(kind);
        }

        Assert.Equal(kinds.Length, titles.Count);
        await session.GotoAsync("/flow/error-pages/session-expired");
        await session.Page.GetByTestId("retry").ClickAsync();
        await Expect(session.Page.GetByLabel("Username")).ToBeVisibleAsync();
    }

    private static async Task ExpectExplainedAsync(IPage page, string? title)
    {
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        if (title is not null)
        {
            await Expect(heading).ToHaveTextAsync(title);
        }

        await Expect(page).ToHaveTitleAsync(await heading.TextContentAsync() + " – OAuthWebClient");
        await Expect(page.GetByTestId("error-message")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("error-advice")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("retry")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[Tt]ry|[Ss]ign in"));
    }
}
