using System.Net;
using System.Net.Http.Json;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1: <c>GET /account/login</c> → 302, requests/s. Ours vs the peer's challenge (targets: ≥ 1.0) and vs the
/// bare endpoint replaying ours' very 302 with no work (≥ 0.6).
/// </summary>
internal static class LoginStartScenario
{
    /// <summary>Ours' median server CPU per login start (µs), kept for scenario 8.</summary>
    public const string CpuPerLoginStart = "server CPU µs per login start";

    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report) = (context.Options, context.Topology, context.Report);
        await TeachBareAsync(topology);

        var targets = new Dictionary<string, TimedTarget>
        {
            ["ours"] = Target(topology.OursFast.LoginStart, topology.OursFast.Process, options),
            ["ours, own logs at Warning"] = Target(topology.OursFastQuiet.LoginStart, topology.OursFastQuiet.Process, options),
            ["peer (AddOpenIdConnect)"] = Target(topology.PeerFast.LoginStart, topology.PeerFast.Process, options),
            ["bare 302"] = Target(new Uri(topology.Bare, "/account/login?returnUrl=%2Fphotos"), topology.BareProcess, options),
        };
        if (topology.CandidateFast is { } candidate)
        {
            targets["candidate"] = Target(candidate.LoginStart, candidate.Process, options);
        }

        var windows = await TimedTargets.RunAsync(options, options.Connections, targets);

        report.Section("1. Login start (GET /account/login → 302)");
        report.TargetTable(windows);
        var cpuVsPeer = Rounds.PerRound(windows, "peer (AddOpenIdConnect)", "ours", (a, b) => a.ServerCpuMicroseconds / b.ServerCpuMicroseconds);
        var cpuVsBare = Rounds.PerRound(windows, "bare 302", "ours", (a, b) => a.ServerCpuMicroseconds / b.ServerCpuMicroseconds);
        report.Line($"Server CPU per request, as an efficiency ratio (other ÷ ours, higher is better for ours): peer ÷ ours {Format.Ratio(cpuVsPeer)}, bare ÷ ours {Format.Ratio(cpuVsBare)}.");

        report.Keep(CpuPerLoginStart, Stats.Median(windows["ours"].Select(w => w.ServerCpuMicroseconds)));
        const string Peer = "peer (AddOpenIdConnect)", Bare = "bare 302", Quiet = "ours, own logs at Warning";
        report.Add(RatioRow.Of(1, "Login start", "req/s, ours ÷ peer challenge", windows, "ours", Peer, 1.0, chart: "ours ÷ peer"));
        report.Add(RatioRow.Of(1, "Login start", "req/s, ours ÷ bare 302", windows, "ours", Bare, 0.6, chart: "ours ÷ bare 302"));
        report.Add(new SummaryRow(1, "Login start", "server CPU µs/req, peer ÷ ours (bare ÷ ours)",
            Format.Number(Stats.Median(windows["ours"].Select(w => w.ServerCpuMicroseconds))) + " µs",
            Format.Number(Stats.Median(windows[Peer].Select(w => w.ServerCpuMicroseconds))) + " µs",
            $"{Format.Ratio(cpuVsPeer)} ({Format.Number(Stats.Median(cpuVsBare), "0.00")})", "—", null));
        var quietVsPeer = RatioRow.Of(1, "Login start", "req/s, ours with its Information logs off ÷ peer", windows, Quiet, Peer, 1.0, judged: false);
        var quietVsBare = RatioRow.Of(1, "Login start", "req/s, ours with its Information logs off ÷ bare 302", windows, Quiet, Bare, 0.6, judged: false);
        report.Add(quietVsPeer);
        report.Add(quietVsBare);
        CandidateRows.Add(report, 1, "Login start", windows, "req/s", [(Peer, 1.0), (Bare, 0.6)]);
        report.Line($"Ours with its own Information logs off (Logging:LogLevel:OAuthWebClient=Warning): ÷ peer {quietVsPeer.Result}, ÷ bare {quietVsBare.Result} (req/s).");
        report.Line();
        if (windows.Values.All(w => w.Sum(x => x.Operations - x.Errors) > 0))
        {
            report.MarkRan(1);
        }
    }

    private static TimedTarget Target(Uri uri, ChildProcess server, BenchOptions options)
    {
        var invoker = Http.CreateInvoker(options.Connections);
        return new TimedTarget(() => Http.GetAsync(invoker, uri, HttpStatusCode.Found), server);
    }

    /// <summary>The bare endpoint answers with ours' 302 exactly: every header ours sent, except those Kestrel writes itself.</summary>
    private static async Task TeachBareAsync(Topology topology)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var response = await http.GetAsync(topology.OursFast.LoginStart);
        string[] kestrelOwn = ["Date", "Server", "Content-Length", "Transfer-Encoding"];
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !kestrelOwn.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        using var taught = await http.PostAsJsonAsync(new Uri(topology.Bare, "/_bench/template"), headers);
        taught.EnsureSuccessStatusCode();
    }
}
