using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// One person's Chromium tab on the public origin: signs in with the sandbox's demo user and records, for every response
/// from the public origin, which instance served it (nginx's test-only <c>X-Upstream</c> header).
/// </summary>
public sealed class ProxySession : IAsyncDisposable
{
    private readonly ConcurrentQueue<ServedResponse> _responses = new();
    private readonly ConcurrentQueue<string> _navigations = new();

    private ProxySession(IBrowserContext context, IPage page, ProductionTopology topology)
    {
        Context = context;
        Page = page;
        Topology = topology;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public ProductionTopology Topology { get; }

    /// <summary>The responses from the public origin so far, in order.</summary>
    public IReadOnlyList<ServedResponse> Responses => [.. _responses];

    /// <summary>Every URL the tab navigated to, in order (the public origin's pages and the sign-in server's).</summary>
    public IReadOnlyList<string> Navigations => [.. _navigations];

    public static async Task<ProxySession> StartAsync(IBrowser browser, ProductionTopology topology)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var session = new ProxySession(context, page, topology);
        var origin = topology.Origin.GetLeftPart(UriPartial.Authority);
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                session._responses.Enqueue(new ServedResponse(new Uri(response.Url), response.Status, response.Headers.GetValueOrDefault("x-upstream")));
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                session._navigations.Enqueue(frame.Url);
            }
        };
        return session;
    }

    public async Task<IResponse?> GotoAsync(string pathAndQuery) => await Page.GotoAsync(new Uri(Topology.Origin, pathAndQuery).AbsoluteUri);

    /// <summary>From a page with the navigation bar: Sign in, the sandbox's login form and consent, back on the public origin.</summary>
    public async Task SignInAsync(string user = "alice")
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(Topology.Issuer.GetLeftPart(UriPartial.Authority))));
        await Page.GetByLabel("Username").FillAsync(user);
        await Page.GetByLabel("Password").FillAsync(user);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Allow", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => url.StartsWith(Topology.Origin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal));
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// After an outage: opens <paramref name="path"/> until both instances have served it signed in as Alice (polled,
    /// bounded: 60 s) — each reconnects on its own schedule, so until then a page may be the app's 503 — and returns every
    /// status seen; anything but 200 or 503 fails.
    /// </summary>
    public async Task<IReadOnlyList<int>> ExpectBothInstancesServeAsync(string path = "/photos")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var statuses = new List<int>();
        var served = new HashSet<string?>();
        while (served.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Both instances did not serve {path} again within 60 s. Pages: {string.Join(", ", statuses)}");
            var response = await GotoAsync(path);
            statuses.Add(response!.Status);
            Assert.True(response.Status is 200 or 503, $"Pages since the outage: {string.Join(", ", statuses)}");
            if (response.Status == 200)
            {
                await ExpectSignedInAsync("Alice");
                served.Add(await response.HeaderValueAsync("x-upstream"));
            }
            else
            {
                await Task.Delay(500);
            }
        }

        return statuses;
    }

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public async Task ExpectSignedInAsync(string name)
    {
        await Expect(Page.GetByTestId("user-name")).ToContainTextAsync(name);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public async Task ExpectSignedOutAsync()
    {
        await Expect(Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
