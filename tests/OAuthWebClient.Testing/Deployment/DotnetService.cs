using System.Diagnostics;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// A project's build output run as an operator runs it — <c>dotnet {Project}.dll</c> in its folder, configured by
/// environment variables only — on a fixed loopback URL, so it can be stopped (gracefully, SIGTERM) and started again
/// at the same address. Its output is kept across restarts (the sandbox's log is read to count refresh grants).
/// </summary>
public sealed class DotnetService(string project, Uri url, IReadOnlyDictionary<string, string?> environment) : IAsyncDisposable
{
    private readonly List<ChildProcess> _runs = [];

    public Uri Url { get; } = url;

    /// <summary>Standard output and error of every run so far, oldest first.</summary>
    public string Output => string.Join('\n', _runs.Select(run => run.Output + "\n" + run.Errors));

    private ChildProcess? Current => _runs.Count > 0 && !_runs[^1].HasExited ? _runs[^1] : null;

    /// <summary>Starts it and waits (bounded: 60 s) until <paramref name="probe"/> answers (any status below 500).</summary>
    public async Task StartAsync(string probe = "/")
    {
        var directory = BuildOutput.Directory(project);
        var start = new ProcessStartInfo(BuildOutput.DotnetHost(), [project + ".dll"]) { WorkingDirectory = directory };
        if (!File.Exists(Path.Combine(directory, "appsettings.json")))
        {
            // The sandbox's settings stay out of its build output (the client embeds it): they are read where they are.
            start.ArgumentList.Add("--contentRoot");
            start.ArgumentList.Add(BuildOutput.SourceDirectory(project));
        }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["Urls"] = Url.GetLeftPart(UriPartial.Authority);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var run = ChildProcess.Start(start);
        _runs.Add(run);
        if (await run.WaitForAnswerAsync(new Uri(Url, probe), TimeSpan.FromSeconds(60)) is not (>= 200 and < 500))
        {
            throw new InvalidOperationException($"{project} did not answer at {new Uri(Url, probe)}:\n{Output}");
        }
    }

    /// <summary>SIGTERM, as a rolling restart sends it: requests in flight finish. Bounded (30 s), then killed.</summary>
    public async Task StopAsync()
    {
        if (Current is { } run)
        {
            await run.TerminateAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A rolling restart of this instance: stop gracefully, start again at the same address.</summary>
    public async Task RestartAsync(string probe = "/")
    {
        await StopAsync();
        await StartAsync(probe);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
        {
            await run.DisposeAsync();
        }
    }
}
