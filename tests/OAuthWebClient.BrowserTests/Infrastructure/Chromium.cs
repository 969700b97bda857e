namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium, driven by Playwright over CDP. Browsers are never downloaded (no <c>playwright install</c>):
/// without <c>/usr/bin/chromium</c> the browser tests are skipped locally and fail under <c>CI=true</c>.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint = "Install Chromium: sudo apt-get install chromium";

    /// <summary>Headless in containers: no sandbox (no user namespaces), no GPU, no background traffic.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skip reason when the tests cannot run here, or null when they must run (installed, or CI).</summary>
    public static string? SkipReason => IsInstalled || RunningInCi ? null : $"Chromium not found at {ExecutablePath}. {InstallHint}";
}
