using Microsoft.Playwright;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>Numbered full-page screenshots of a scenario's steps: <c>artifacts/screenshots/{scenario}/{nn-step}.png</c>.</summary>
public sealed class Screenshots
{
    private int _count;

    public Screenshots(string scenario)
    {
        Directory = System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots", scenario);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public async Task<string> TakeAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = System.IO.Path.Combine(Directory, $"{Interlocked.Increment(ref _count):00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Just one part of a page (e.g. one step of the flow inspector's timeline).</summary>
    public async Task<string> TakeAsync(ILocator element, string step)
    {
        ArgumentNullException.ThrowIfNull(element);
        var path = System.IO.Path.Combine(Directory, $"{Interlocked.Increment(ref _count):00}-{step}.png");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        return path;
    }
}
