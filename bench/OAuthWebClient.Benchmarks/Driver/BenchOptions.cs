using System.Globalization;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>Command line of the driver. Full mode is the report's run; <c>--quick</c> keeps the harness working in CI.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Rounds per scenario; in each round every target runs once, in an order that rotates.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Measured window per target and round.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Unmeasured load before each window (connections, JIT tiering, caches).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Closed-loop connections for the throughput scenarios (1, 2, 3).</summary>
    public int Connections { get; init; } = 32;

    /// <summary>Scenario 4: concurrent requests on one expired session, and repetitions per instance count.</summary>
    public int StampedeRequests { get; init; } = 200;

    public int StampedeRepetitions { get; init; } = 3;

    /// <summary>Scenario 6: session populations measured (and lookups per population and round).</summary>
    public IReadOnlyList<int> StorePopulations { get; init; } = [1_000, 10_000, 100_000, 1_000_000];

    public int StoreLookups { get; init; } = 2_000;

    /// <summary>Scenario 7: sign-ins before the working set is read.</summary>
    public int SignIns { get; init; } = 10_000;

    /// <summary>Scenario 3: signed-in requests per page whose Redis commands are counted.</summary>
    public int RedisCountRequests { get; init; } = 500;

    /// <summary>Scenario 9: starts of ours and of the peer (alternating), and runs of the README's <c>dotnet run</c>.</summary>
    public int StartRepetitions { get; init; } = 5;

    public int DotnetRunRepetitions { get; init; } = 3;

    /// <summary>Redis to use (host:port); default: a private redis-server on a free loopback port.</summary>
    public string? Redis { get; init; }

    /// <summary>Overrides <c>Logging:LogLevel:Default</c> of ours and the peer (default: their appsettings, Information).</summary>
    public string? LogLevel { get; init; }

    /// <summary>Scenario numbers to run (default all).</summary>
    public IReadOnlySet<int> Scenarios { get; init; } = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

    /// <summary>
    /// Another build of OAuthWebClient (its OAuthWebClient.dll, run from its own folder) measured beside ours in
    /// scenarios 1-3 as "candidate": a proposed fix, checked in the same run on the same machine.
    /// </summary>
    public string? Candidate { get; init; }

    /// <summary>A folder for every server's whole output (name.log); by default only the last lines are kept, for errors.</summary>
    public string? Logs { get; init; }

    /// <summary>Where the results (markdown) are written as well as printed.</summary>
    public string? Output { get; init; }

    /// <summary>The chart of the run's ratios (SVG); by default beside <see cref="Output"/> as <c>name-chart.svg</c>, none without it.</summary>
    public string? Chart { get; init; }

    public string? ChartPath => Chart ?? (Output is { } output ? Path.ChangeExtension(output, null) + "-chart.svg" : null);

    public bool Help { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = args.Contains("--quick") ? QuickDefaults : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "--rounds" => options with { Rounds = NextInt() },
                "--window" => options with { Window = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--connections" => options with { Connections = NextInt() },
                "--stampede" => options with { StampedeRequests = NextInt() },
                "--sign-ins" => options with { SignIns = NextInt() },
                "--redis" => options with { Redis = Next() },
                "--log-level" => options with { LogLevel = Next() },
                "--scenarios" => options with { Scenarios = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() },
                "--out" => options with { Output = Next() },
                "--chart" => options with { Chart = Next() },
                "--logs" => options with { Logs = Path.GetFullPath(Next()) },
                "--candidate" => options with { Candidate = Path.GetFullPath(Next()) },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static BenchOptions QuickDefaults => new()
    {
        Quick = true,
        Rounds = 1,
        Window = TimeSpan.FromSeconds(0.5),
        Warmup = TimeSpan.FromSeconds(0.3),
        Connections = 8,
        StampedeRequests = 200,
        StampedeRepetitions = 1,
        StorePopulations = [1_000, 10_000],
        StoreLookups = 200,
        SignIns = 200,
        RedisCountRequests = 50,
        StartRepetitions = 1,
        DotnetRunRepetitions = 1,
    };

    public const string Usage = """
        OAuthWebClient benchmarks: ours vs Microsoft's OpenIdConnect handler vs the bare Kestrel limit (docs/benchmarks.md).

          dotnet run -c Release --project bench/OAuthWebClient.Benchmarks -- [options]

          --quick              CI mode: every scenario once with tiny windows; fails only if a scenario did not run
          --rounds N           rounds per scenario, targets alternating (default 10)
          --window S           measured seconds per target and round (default 2)
          --warmup S           unmeasured seconds before each window (default 0.5)
          --connections N      closed-loop connections for scenarios 1-3 (default 32)
          --stampede N         concurrent requests on one expired session (default 200)
          --sign-ins N         sign-ins before reading the working set, scenario 7 (default 10000)
          --redis HOST:PORT    use this Redis (default: a private redis-server on a free loopback port)
          --log-level LEVEL    Logging:LogLevel:Default for ours and the peer (default: appsettings.json, Information)
          --scenarios 1,2,...  run only these scenarios
          --candidate DLL      also measure this build of OAuthWebClient.dll (e.g. a proposed fix) in scenarios 1-3
          --logs DIR           write every server's output to DIR/<name>.log
          --out FILE           also write the results (markdown) to FILE, and the chart beside it (FILE without extension + -chart.svg)
          --chart FILE         write the chart of the ratios (SVG) to FILE
        """;
}
