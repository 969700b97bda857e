using System.Collections.Concurrent;
using System.Diagnostics;

namespace MinimalApi.Tests;

/// <summary>
/// One app of this repository as <c>dotnet run</c> starts it: <c>dotnet {Name}.dll</c> from its build output, in its
/// project folder (so its own appsettings.json is read), as a real process, configured by command-line arguments.
/// </summary>
internal sealed class DotnetApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DotnetApp(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>What it wrote to stdout and stderr so far, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <paramref name="projectFolder"/> (relative to the repository root), built as this test is built.</summary>
    public static DotnetApp Start(string projectFolder, params string[] arguments)
    {
        var (folder, assembly) = Locate(projectFolder);
        var start = new ProcessStartInfo(DotnetHost(), [assembly, .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Only the arguments configure it: no URLs or environment inherited from whoever runs the tests.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_URLS").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {assembly}.");
        var app = new DotnetApp(Path.GetFileName(projectFolder), process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <paramref name="url"/> until it answers with any status; throws with the app's output if it never does.</summary>
    public async Task WaitUntilAnswersAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"did not answer at {url} within {timeout}";
        throw new InvalidOperationException($"{Name} {state}. Its output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The project folder and <c>bin/{Configuration}/{framework}/{Name}.dll</c>, the configuration of this test's build.</summary>
    private static (string Folder, string Assembly) Locate(string projectFolder)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                var folder = Path.Combine(dir.FullName, projectFolder);
                var assembly = Path.Combine(folder, "bin", configuration, framework, Path.GetFileName(projectFolder) + ".dll");
                return File.Exists(assembly) ? (folder, assembly) : throw new InvalidOperationException($"{assembly} is missing: build it first.");
            }
        }

        throw new InvalidOperationException("The repository root (OAuthWebClient.sln) was not found above " + here.FullName);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
