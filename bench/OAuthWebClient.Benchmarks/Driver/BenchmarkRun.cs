using System.Collections;
using System.Runtime.InteropServices;
using OAuthWebClient.Benchmarks.Scenarios;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The driver: starts Redis (private), the sandbox, the bare endpoint, ours and the peer; runs the scenarios (7 first,
/// on fresh processes); prints the results; stops everything it started. Exit code 0 when every requested scenario ran.
/// </summary>
internal static class BenchmarkRun
{
    /// <summary>Scenario 7 reads memory from fresh processes, so it goes first; 6 needs the sessions 3 and 4 created.</summary>
    private static readonly (int Number, string Name, Func<BenchContext, Task> Run)[] Scenarios =
    [
        (7, "memory after sign-ins", MemoryScenario.RunAsync),
        (1, "login start", LoginStartScenario.RunAsync),
        (2, "callback", CallbackScenario.RunAsync),
        (3, "authenticated photos request", PhotosScenario.RunAsync),
        (5, "cookie bytes", CookieScenario.RunAsync),
        (4, "refresh stampede", StampedeScenario.RunAsync),
        (6, "token store", StoreScenario.RunAsync),
        (8, "what the newer features cost", ProofCostScenario.RunAsync),
        (9, "start-up", StartupScenario.RunAsync),
    ];

    /// <summary>Configuration the servers must not pick up from the driver's environment.</summary>
    private static readonly string[] ForeignSettings =
        ["OAuth__", "PhotosApi__", "Sandbox__", "ConnectionStrings__", "Redis__", "Logging__", "DataProtection__", "FlowInspector__", "Peer__", "AllowedHosts", "ASPNETCORE_URLS", "DOTNET_URLS", "URLS"];

    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + BenchOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        var runId = Guid.NewGuid().ToString("N")[..8];
        ChildProcess.LogDirectory = options.Logs;
        var workDir = Directory.CreateTempSubdirectory("oauthwebclient-bench-").FullName;
        var machine = new MachineInfo();
        var clock = Stopwatch.StartNew();
        var report = new Report();
        Console.WriteLine($"OAuthWebClient benchmarks ({(options.Quick ? "quick" : "full")}), run {runId}. {machine.Describe()}");

        Topology? topology = null;
        RedisServer? redis = null;
        void StopAll()
        {
            topology?.Dispose();
            _ = redis?.DisposeAsync().AsTask();
        }

        // Whatever ends the run (Ctrl+C, SIGTERM, an exception), the servers it started end with it.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => StopAll());
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => StopAll());
        try
        {
            var environment = ChildEnvironment();
            redis = await RedisServer.StartAsync(options, environment);
            Console.WriteLine($"Redis at {redis.Endpoint}{(redis.IsPrivate ? " (private)" : "")}. Starting the servers...");
            topology = await Topology.StartAsync(options, redis, runId, workDir, environment);
            Console.WriteLine($"Servers ready after {clock.Elapsed.TotalSeconds:0} s: " + string.Join(", ", topology.Processes.Select(p => $"{p.Name} (pid {p.Id})")));
            var context = new BenchContext(options, topology, redis, report, runId);
            foreach (var (number, name, run) in Scenarios.Where(s => options.Scenarios.Contains(s.Number)))
            {
                var started = clock.Elapsed;
                Console.WriteLine($"Scenario {number}: {name}...");
                try
                {
                    await run(context);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException or StackExchange.Redis.RedisException or TimeoutException or KeyNotFoundException)
                {
                    report.MarkFailed(number, e.Message);
                    await Console.Error.WriteLineAsync($"Scenario {number} failed: {e}");
                }

                Console.WriteLine($"Scenario {number}: {(report.Ran.Contains(number) ? "ran" : "DID NOT RUN")} in {(clock.Elapsed - started).TotalSeconds:0} s.");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or StackExchange.Redis.RedisException)
        {
            await Console.Error.WriteLineAsync("The run could not start: " + e.Message);
        }
        finally
        {
            topology?.Dispose();
            if (redis is not null)
            {
                if (!redis.IsPrivate)
                {
                    await redis.DeleteKeysAsync($"bench:{runId}:", 0);
                }

                await redis.DisposeAsync();
            }

            TryDelete(workDir);
        }

        var chart = options.ChartPath;
        var text = report.Render(machine, options, clock.Elapsed, chart is null ? null : RelativeLink(options.Output, chart));
        Console.WriteLine();
        Console.WriteLine(text);
        if (chart is not null)
        {
            await WriteAsync(chart, RatioChart.Render(report.Summary, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {(options.Quick ? "quick" : "full")} mode, {options.Rounds} round(s) per scenario.")));
        }

        if (options.Output is { } output)
        {
            await WriteAsync(output, text);
        }

        var missing = options.Scenarios.Where(s => !report.Ran.Contains(s)).Order().ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Scenarios that did not run: {string.Join(", ", missing)}.");
            return 1;
        }

        Console.WriteLine($"All {options.Scenarios.Count} scenarios ran in {clock.Elapsed.TotalSeconds:0} s.");
        return 0;
    }

    /// <summary>Production, no stray configuration, no file watchers, and the watchdog hook that ends each server with this process.</summary>
    private static Dictionary<string, string?> ChildEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = null,
            ["BENCH_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DOTNET_STARTUP_HOOKS"] = typeof(BenchmarkRun).Assembly.Location,
            // Nine servers on a shared machine: no inotify watchers (a per-user limit, 128 by default) for files
            // that never change during a run. Reloading settings costs nothing per request, so nothing measured moves.
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
            ["DOTNET_USE_POLLING_FILE_WATCHER"] = "true",
        };
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (ForeignSettings.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                environment[name] = null;
            }
        }

        return environment;
    }

    private static async Task WriteAsync(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text);
    }

    /// <summary>The chart as the report links it: relative to the report's folder (as given, without a report).</summary>
    private static string RelativeLink(string? report, string chart) => report is null ? chart
        : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(report))!, Path.GetFullPath(chart)).Replace('\\', '/');

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
