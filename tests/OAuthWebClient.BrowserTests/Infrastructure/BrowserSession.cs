using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// One browser context (its own cookie jar) with one page, on one app. Records everything the browser sees — every
/// URL requested, every response's headers and text — so tests can assert what never reaches it.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _urls = new();
    private readonly ConcurrentQueue<Task<string>> _responses = new();

    private BrowserSession(IBrowserContext context, IPage page, AppHost app, Screenshots? screenshots)
    {
        Context = context;
        Page = page;
        App = app;
        Screenshots = screenshots;
        context.Request += (_, request) => _urls.Enqueue(request.Url);
        context.Response += (_, response) => _responses.Enqueue(ReadAsync(response));
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public AppHost App { get; }

    public Screenshots? Screenshots { get; }

    /// <summary>Every URL the browser requested, redirects included.</summary>
    public IReadOnlyList<string> Urls => [.. _urls];

    public static async Task<BrowserSession> StartAsync(IBrowser browser, AppHost app, string? scenario)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1200, Height = 800 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, app, scenario is null ? null : new Screenshots(scenario));
    }

    public async Task<IResponse?> GotoAsync(string pathAndQuery) => await Page.GotoAsync(App.Url(pathAndQuery));

    public async Task ScreenshotAsync(string step, IPage? page = null)
    {
        if (Screenshots is not null)
        {
            await Screenshots.TakeAsync(page ?? Page, step);
        }
    }

    /// <summary>On the sandbox's login page (the embedded one unless <paramref name="authServer"/> says otherwise): enter the demo user's credentials and submit.</summary>
    public async Task LogInAtSandboxAsync(string user, IPage? page = null, string? screenshot = "sandbox-login", Uri? authServer = null)
    {
        page ??= Page;
        var origin = (authServer ?? App.AuthServerOrigin).GetLeftPart(UriPartial.Authority);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(origin)));
        await page.GetByLabel("Username").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(user);
        if (screenshot is not null && page == Page)
        {
            await ScreenshotAsync(screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).WaitForAsync();
    }

    /// <summary>On the consent page: press Allow or Deny and wait until the browser is back on the client.</summary>
    public async Task DecideConsentAsync(bool allow, IPage? page = null, string? screenshot = "sandbox-consent")
    {
        page ??= Page;
        if (screenshot is not null && page == Page)
        {
            await ScreenshotAsync(screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = allow ? "Allow" : "Deny", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(App.ClientOrigin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// From a client page: the whole sign-in as <paramref name="user"/>, allowing access. Uses the page's own
    /// "Sign in" button when it has one (the home page's returns to the gallery), else the navigation bar's.
    /// </summary>
    public async Task SignInAsync(string user = "alice", bool screenshots = true)
    {
        var inPage = Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });
        var link = await inPage.CountAsync() > 0 ? inPage.First : Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });
        await link.ClickAsync();
        await LogInAtSandboxAsync(user, screenshot: screenshots ? "sandbox-login" : null);
        await DecideConsentAsync(allow: true, screenshot: screenshots ? "sandbox-consent" : null);
    }

    /// <summary>The main navigation bar.</summary>
    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>Signed in as <paramref name="name"/>: the name and a "Sign out" button in the navigation bar.</summary>
    public async Task ExpectSignedInAsync(string name, IPage? page = null)
    {
        page ??= Page;
        await Assertions.Expect(page.GetByTestId("user-name")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Anonymous: a "Sign in" link and neither a user name nor "Sign out".</summary>
    public async Task ExpectSignedOutAsync()
    {
        await Assertions.Expect(Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    /// <summary>The error page's kind (<c>AppError.Kind</c>), or null when the page is not an error page.</summary>
    public async Task<string?> ErrorKindAsync(IPage? page = null)
    {
        var marker = (page ?? Page).Locator("[data-error-kind]");
        return await marker.CountAsync() == 0 ? null : await marker.GetAttributeAsync("data-error-kind");
    }

    /// <summary>The authorization request this browser was sent to last (with code_challenge, state, nonce).</summary>
    public Uri? AuthorizationRequestUrl =>
        Urls.LastOrDefault(u => u.StartsWith(App.AuthServerOrigin.GetLeftPart(UriPartial.Authority) + "/connect/authorize?", StringComparison.Ordinal) && u.Contains("code_challenge=", StringComparison.Ordinal))
            is { } url ? new Uri(url) : null;

    /// <summary>
    /// The last authorization request's parameters as the server got them: from the front-channel URL, or — when the client
    /// pushed it (RFC 9126; the sandbox offers it, so by default it is pushed) — the form it pushed.
    /// </summary>
    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> AuthorizationRequestParameters =>
        AuthorizationRequestUrl is { } url
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query)
            : App.Traffic.Requests.Last(r => r.ContainsKey("code_challenge")).ToDictionary(p => p.Key, p => new Microsoft.Extensions.Primitives.StringValues(p.Value));

    /// <summary>The callback URL the authorization server sent this browser to (with code, state and iss).</summary>
    public string? CallbackUrl => Urls.LastOrDefault(IsCallback);

    /// <summary>The text of everything the browser saw: URLs, response headers and bodies, cookies, the current DOM.</summary>
    public async Task<IReadOnlyList<string>> EverythingSeenAsync()
    {
        var seen = new List<string>(Urls);
        seen.AddRange(await Task.WhenAll(_responses));
        seen.AddRange((await Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        foreach (var page in Context.Pages)
        {
            seen.Add(await page.ContentAsync());
        }

        return seen;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    public static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private bool IsCallback(string url) =>
        url.StartsWith(App.Url("/callback"), StringComparison.Ordinal);

    private static async Task<string> ReadAsync(IResponse response)
    {
        var text = response.Url + "\n";
        try
        {
            var headers = await response.AllHeadersAsync();
            text += string.Join('\n', headers.Select(h => h.Key + ": " + h.Value)) + "\n";
            if (!headers.TryGetValue("content-type", out var type) || !type.StartsWith("image/", StringComparison.Ordinal))
            {
                text += await response.TextAsync();
            }
        }
        catch (PlaywrightException)
        {
            // Redirects have no body; a body can also be gone once the page navigated on.
        }

        return text;
    }
}
