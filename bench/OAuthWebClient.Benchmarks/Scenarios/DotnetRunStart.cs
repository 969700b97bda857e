using System.Net;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9 (b): the README's <c>dotnet run --project src/OAuthWebClient</c>, from the repository root, with its
/// launch profile (Development, the embedded sandbox), until a working sign-in page: the sign-in start, redirects
/// followed, ends at the sandbox's login form (200). The app is built beforehand, so this is <c>dotnet run</c>'s
/// up-to-date check plus the start. The app and its sandbox listen on free ports (<c>--urls</c> and
/// <c>Sandbox:AuthServerUrl</c> / <c>Sandbox:PhotosApiUrl</c> instead of 5000, 5001, 5002).
/// </summary>
internal static class DotnetRunStart
{
    private const string Project = "src/OAuthWebClient";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task AddAsync(BenchContext context)
    {
        var (options, report) = (context.Options, context.Report);
        var root = RepositoryRoot();
        // The launch profile decides the environment, as for anyone who types the command.
        var environment = new Dictionary<string, string?>(context.Topology.Launcher.Environment) { ["ASPNETCORE_ENVIRONMENT"] = null };
        var built = Path.Combine(root, Project, "bin", "Debug", "net10.0", "OAuthWebClient.dll");
        if (!File.Exists(built))
        {
            report.Line($"(b) {Project} was not built in Debug (what `dotnet run` runs): built first, unmeasured.");
            await BuildAsync(root, environment);
        }

        // A run that rebuilt the app (not up to date, e.g. after a commit) times a build: kept apart, run again (once more at most).
        var (times, rebuilds) = (new List<double>(), new List<double>());
        while (times.Count < options.DotnetRunRepetitions && rebuilds.Count <= 1)
        {
            var before = File.GetLastWriteTimeUtc(built);
            var elapsed = await RunOnceAsync(root, environment);
            (File.GetLastWriteTimeUtc(built) == before ? times : rebuilds).Add(elapsed);
        }

        report.Line($"(b) `dotnet run --project {Project} -- --urls …` from the repository root to the sandbox's login form, up to date, ms: {List(times)}"
            + (rebuilds.Count > 0 ? $"; runs that rebuilt the app (not counted): {List(rebuilds)}." : "."));
        report.Line();
        report.Add(new SummaryRow(9, "Start-up", $"`dotnet run --project {Project}` (README; Development, embedded sandbox) → the sandbox's login form (ms)",
            Format.Median(times.Count > 0 ? times : rebuilds, "0", " ms"), "—", times.Count > 0 ? "up to date" : "rebuilt every time", "report", null));
    }

    /// <summary>One <c>dotnet run</c> on free ports, timed until its sign-in page works; disposing kills the whole tree (dotnet run and the app).</summary>
    private static async Task<double> RunOnceAsync(string root, IReadOnlyDictionary<string, string?> environment)
    {
        var ports = Ports.Allocate(3).Select(p => $"http://127.0.0.1:{p}").ToArray();
        var clock = Stopwatch.StartNew();
        using var process = ChildProcess.Start("dotnet-run", DotnetHost.Path,
            ["run", "--project", Project, "--", "--urls", ports[0], $"--Sandbox:AuthServerUrl={ports[1]}", $"--Sandbox:PhotosApiUrl={ports[2]}"],
            environment, root);
        var app = new ClientApp("dotnet-run", true, new Uri(ports[0]), process);
        using var invoker = Http.CreateInvoker(1);
        await process.WaitUntilAsync(() => SignInPageAsync(invoker, app.LoginStart, new Uri(ports[1])), Timeout, StartupScenario.Poll, "its sign-in page");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string List(List<double> times) => times.Count == 0 ? "none" : string.Join(", ", times.Select(t => Format.Number(t)));

    /// <summary>Null once the sign-in start leads to the sandbox's login form; otherwise where it ended (no query: it carries the state).</summary>
    private static async Task<string?> SignInPageAsync(HttpMessageInvoker invoker, Uri loginStart, Uri sandbox)
    {
        var page = await new WebSession(invoker).GetAsync(loginStart).WaitAsync(TimeSpan.FromSeconds(10));
        return page.Status == HttpStatusCode.OK && page.Uri.Authority == sandbox.Authority && page.Html.Contains("Username", StringComparison.Ordinal)
            ? null
            : $"HTTP {(int)page.Status} at {page.Uri.GetLeftPart(UriPartial.Path)}";
    }

    private static async Task BuildAsync(string root, IReadOnlyDictionary<string, string?> environment)
    {
        using var build = ChildProcess.Start("dotnet-build", DotnetHost.Path, ["build", Project, "-v", "q", "--nologo"], environment, root);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await build.Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"dotnet build {Project} did not finish in 10 minutes.");
        }

        if (build.Process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {Project} failed:{Environment.NewLine}{build.OutputTail}");
        }
    }

    /// <summary>The checkout this driver was built from: the folder up from here with OAuthWebClient.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No OAuthWebClient.sln above " + AppContext.BaseDirectory + ": scenario 9 runs from a checkout.");
    }
}
