using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// Debian's Chromium (headless, never downloaded), launched on first use trusting exactly the topology's certificate
/// (by its public key, <c>--ignore-certificate-errors-spki-list</c>): https://localhost is a secure origin as in production.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A new browser context (its own cookies) on <paramref name="topology"/>'s public origin.</summary>
    public async Task<ProxySession> NewSessionAsync(ProductionTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        await _launch.WaitAsync();
        try
        {
            if (_browser is null)
            {
                Assertions.SetDefaultExpectTimeout(15_000);
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium.ExecutablePath,
                    Headless = true,
                    Args = [.. Chromium.Arguments, "--ignore-certificate-errors-spki-list=" + topology.Certificate.SpkiHash],
                });
            }
        }
        finally
        {
            _launch.Release();
        }

        return await ProxySession.StartAsync(_browser, topology);
    }

    /// <summary>A new session that opened the home page and signed in as Alice (the sandbox's login and consent pages).</summary>
    public async Task<ProxySession> SignedInSessionAsync(ProductionTopology topology)
    {
        var session = await NewSessionAsync(topology);
        await session.GotoAsync("/");
        await session.SignInAsync();
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
