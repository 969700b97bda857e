using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// RP-initiated logout at the sandbox by each <c>OAuth:EndSessionMethod</c>. Faithful to production on purpose: the
/// client runs on <c>localhost</c> and the sandbox on <c>127.0.0.1</c> (<see cref="AppHost"/>) — two sites. Two ports
/// of one host would be ONE site (SameSite ignores ports), and the sandbox's <c>SameSite=Lax</c> session cookie would
/// then ride along on the POST and make it pass falsely. After logout a new sign-in must ask for the password again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EndSessionMethodTests(BrowserFixture fixture)
{
    private static readonly Regex SignedOut = new("/account/signed-out");

    [BrowserFact]
    public async Task By_GET_the_sandbox_session_ends_and_the_id_token_hint_is_in_the_logout_url()
    {
        await using var app = await AppHost.StartAsync(new AppHostSettings { Settings = new Dictionary<string, string> { ["OAuth:EndSessionMethod"] = "Get" } });
        await using var session = await fixture.NewSessionAsync(app);
        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(SignedOut);
        Assert.Contains(session.Urls, u => u.Contains("/connect/endsession?", StringComparison.Ordinal) && u.Contains("id_token_hint=", StringComparison.Ordinal));
        await ExpectPasswordAskedAgainAsync(session);
    }

    [BrowserFact]
    public async Task By_POST_the_sandbox_session_ends_and_the_id_token_stays_out_of_every_url()
    {
        await using var app = await AppHost.StartAsync(new AppHostSettings { Settings = new Dictionary<string, string> { ["OAuth:EndSessionMethod"] = "Post" } });
        await using var session = await fixture.NewSessionAsync(app);
        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);
        var posts = new List<IRequest>();
        session.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/connect/endsession", StringComparison.Ordinal))
            {
                posts.Add(request);
            }
        };

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(SignedOut);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        var post = Assert.Single(posts);
        Assert.Contains("id_token_hint=", post.PostData ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(session.Urls, u => u.Contains("id_token_hint", StringComparison.Ordinal));
        await ExpectPasswordAskedAgainAsync(session);
    }

    [BrowserFact]
    public async Task By_POST_without_JavaScript_the_Continue_button_sends_the_form()
    {
        await using var app = await AppHost.StartAsync(new AppHostSettings { Settings = new Dictionary<string, string> { ["OAuth:EndSessionMethod"] = "Post" } });
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/account/login?returnUrl=%2F"));
        await page.GetByLabel("Username").FillAsync("alice");
        await page.GetByLabel("Password").FillAsync("alice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.ClientOrigin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal));

        var endSession = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            r => r.Url.EndsWith("/account/logout", StringComparison.Ordinal));
        Assert.Equal("no-store", await endSession.HeaderValueAsync("cache-control"));
        Assert.Equal("no-referrer", await endSession.HeaderValueAsync("referrer-policy"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SignedOut);
        await page.GotoAsync(app.Url("/photos"));
        await Expect(page.GetByLabel("Username")).ToBeVisibleAsync();
    }

    private static async Task ExpectPasswordAskedAgainAsync(BrowserSession session)
    {
        await session.GotoAsync("/photos");
        Assert.StartsWith(session.App.AuthServerOrigin.GetLeftPart(UriPartial.Authority), session.Page.Url, StringComparison.Ordinal);
        await Expect(session.Page.GetByLabel("Username")).ToBeVisibleAsync();
    }
}
