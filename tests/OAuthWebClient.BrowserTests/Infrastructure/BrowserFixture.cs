using Microsoft.Playwright;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium and one app for the whole browser suite; each test gets its own browser context (its own cookies).
/// Scenarios that need another configuration start their own <see cref="AppHost"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AppHost? _app;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.InstallHint);

    public AppHost App => _app ?? throw new InvalidOperationException(Chromium.InstallHint);

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            // Skipped locally (see BrowserFactAttribute); under CI=true every browser test fails with this hint.
            return;
        }

        // Generous waits: CI runs every test project at once on two cores. Nothing here asserts timings.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
        _app = await AppHost.StartAsync();
    }

    /// <summary>A new browser context (fresh cookie jar) on the given app, recording what the browser sees.</summary>
    public async Task<BrowserSession> NewSessionAsync(AppHost? app = null, string? scenario = null) =>
        await BrowserSession.StartAsync(Browser, app ?? App, scenario);

    public async Task DisposeAsync()
    {
        // Teardown after every test has run: a failure here is reported, not turned into a failed run.
        await TearDownAsync("app", () => _app?.DisposeAsync() ?? ValueTask.CompletedTask);
        await TearDownAsync("browser", () => _browser?.DisposeAsync() ?? ValueTask.CompletedTask);
        _playwright?.Dispose();
    }

    private static async Task TearDownAsync(string what, Func<ValueTask> dispose)
    {
        try
        {
            await dispose();
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or PlaywrightException)
        {
            await Console.Error.WriteLineAsync($"Browser suite teardown of the {what} failed: {e}");
        }
    }
}
