using System.Net;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9: start-up, reported (no target). (a) Process start to the first 200 on <c>/</c>, ours and the peer, each
/// started as the topology starts them (Production, the bench sandbox as external authority), alternating;
/// (b) the README's <c>dotnet run</c> until a working sign-in page (<see cref="DotnetRunStart"/>).
/// </summary>
internal static class StartupScenario
{
    private const string Ours = "ours", Peer = "peer (AddOpenIdConnect)";

    /// <summary>How often a starting server is asked; short against a start of hundreds of milliseconds.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report) = (context.Options, context.Topology, context.Report);
        var launcher = topology.Launcher;
        var starts = await Rounds.RunAsync(options.StartRepetitions, [Ours, Peer], async (name, _) =>
        {
            var origin = new Uri($"http://127.0.0.1:{Ports.Allocate(1)[0]}");
            var clock = Stopwatch.StartNew();
            using var process = name == Ours
                ? launcher.Ours("ours-start", origin, topology.AuthServer, prefix: null)
                : launcher.Peer("peer-start", origin, topology.AuthServer);
            await process.WaitReadyAsync(new Uri(origin, "/"), TimeSpan.FromSeconds(60), Poll, HttpStatusCode.OK);
            return clock.Elapsed.TotalMilliseconds;
        });

        report.Section("9. Start-up");
        report.Line($"(a) Process start to the first 200 on `/` (polled every {Poll.TotalMilliseconds:0} ms), Production, OAuth:Authority = the bench sandbox; ours with the in-memory store, the key ring in a folder kept between its starts. Alternating, ms:");
        report.Line();
        report.Line($"| start | {Ours} | {Peer} |");
        report.Line("|---:|---:|---:|");
        for (var i = 0; i < starts[Ours].Count; i++)
        {
            report.Line($"| {i + 1} | {Format.Number(starts[Ours][i])} | {Format.Number(starts[Peer][i])} |");
        }

        report.Line();
        report.Add(new SummaryRow(9, "Start-up", "process start → first 200 on `/`, Production, external authority (ms; result: ours ÷ peer)",
            Format.Median(starts[Ours], "0", " ms"), Format.Median(starts[Peer], "0", " ms"),
            Format.Ratio(Rounds.PerRound(starts, Ours, Peer, (a, b) => a / b)), "report", null));

        await DotnetRunStart.AddAsync(context);
        report.MarkRan(9);
    }
}
