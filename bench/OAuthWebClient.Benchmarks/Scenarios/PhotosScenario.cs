using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: an authenticated photos request through ours vs the same API call made directly with the token
/// (target: overhead ≤ 5 %). Ours relays a thumbnail (the same API call, bytes passed through) and renders the gallery
/// (the API's list). For reference: the bare relay (a minimal endpoint that forwards with a fixed token — the floor of
/// any client that keeps tokens server-side) and the peer relaying with the token from its cookie.
/// </summary>
internal static class PhotosScenario
{
    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report) = (context.Options, context.Topology, context.Report);
        using var browserInvoker = Http.CreateInvoker(4);
        var ours = await SignIn.RunAsync(browserInvoker, topology.OursSandbox);
        var oursRedis = await SignIn.RunAsync(browserInvoker, topology.OursRedisA);
        var peer = await SignIn.RunAsync(browserInvoker, topology.PeerSandbox);
        var candidateApp = topology.CandidateSandbox;
        var candidate = candidateApp is null ? null : await SignIn.RunAsync(browserInvoker, candidateApp);
        const string Candidate = "candidate (Redis store)";

        // alice's access token, read from ours' Redis session with ours' key ring; any of her tokens does.
        using var store = new SessionStoreAccess(context.Redis, topology.SharedPrefix);
        var accessToken = (await store.ReadAsync((await store.SessionKeysAsync()).First())).AccessToken;
        var photoId = await FirstPhotoAsync(topology.PhotosApi, accessToken);
        using (var http = new HttpClient())
        {
            using var taught = await http.PostAsync(new Uri(topology.Bare, "/_bench/token"), new StringContent(accessToken));
            taught.EnsureSuccessStatusCode();
        }

        var connections = Math.Max(1, options.Connections / 2);
        var thumbnail = $"/photos/{photoId}/thumbnail";
        TimedTarget Target(Uri origin, string path, ChildProcess server, int n, string? cookie = null, string? bearer = null)
        {
            var invoker = Http.CreateInvoker(n);
            var uri = new Uri(origin, path);
            return new TimedTarget(() => Http.GetAsync(invoker, uri, HttpStatusCode.OK, cookie, bearer), server);
        }

        Dictionary<string, TimedTarget> WithCandidate(Dictionary<string, TimedTarget> targets, string path, int n)
        {
            if (candidateApp is not null)
            {
                targets[Candidate] = Target(candidateApp.Origin, path, candidateApp.Process, n, candidate!.CookieHeader(candidateApp.Origin));
            }

            return targets;
        }

        Dictionary<string, TimedTarget> Thumbnails(int n) => WithCandidate(new()
        {
            ["direct API call"] = Target(topology.PhotosApi, thumbnail, topology.Sandbox, n, bearer: accessToken),
            ["bare relay"] = Target(topology.Bare, "/relay" + thumbnail, topology.BareProcess, n),
            ["ours"] = Target(topology.OursSandbox.Origin, thumbnail, topology.OursSandbox.Process, n, ours.CookieHeader(topology.OursSandbox.Origin)),
            ["ours (Redis store)"] = Target(topology.OursRedisA.Origin, thumbnail, topology.OursRedisA.Process, n, oursRedis.CookieHeader(topology.OursRedisA.Origin)),
            ["peer (AddOpenIdConnect)"] = Target(topology.PeerSandbox.Origin, thumbnail, topology.PeerSandbox.Process, n, peer.CookieHeader(topology.PeerSandbox.Origin)),
        }, thumbnail, n);

        var throughput = await TimedTargets.RunAsync(options, connections, Thumbnails(connections));
        report.Section($"3. Authenticated photos request — thumbnail relay, {connections} connections");
        report.TargetTable(throughput);
        AddOverhead(report, throughput, "thumbnail, req/s", "direct API call", ["ours", "ours (Redis store)", Candidate]);
        var vsRelay = Rounds.PerRound(throughput, "ours", "bare relay", (a, b) => a.PerSecond / b.PerSecond);
        var vsPeer = Rounds.PerRound(throughput, "ours", "peer (AddOpenIdConnect)", (a, b) => a.PerSecond / b.PerSecond);
        report.Line($"ours ÷ bare relay {Format.Ratio(vsRelay)}; ours ÷ peer {Format.Ratio(vsPeer)} (req/s).");
        report.Add(new SummaryRow(3, "Photos request", "thumbnail req/s, ours ÷ bare relay (the floor of a server-side-token client)",
            Format.Number(Stats.Median(throughput["ours"].Select(w => w.PerSecond))) + " req/s",
            Format.Number(Stats.Median(throughput["bare relay"].Select(w => w.PerSecond))) + " req/s", Format.Ratio(vsRelay), "—", null));

        var latencyTargets = Thumbnails(1);
        latencyTargets.Remove("peer (AddOpenIdConnect)");
        var latency = await TimedTargets.RunAsync(options, 1, latencyTargets);
        report.Section("3. Authenticated photos request — thumbnail relay, one request at a time (latency)");
        report.TargetTable(latency);
        foreach (var name in new[] { "ours", "ours (Redis store)", Candidate }.Where(latency.ContainsKey))
        {
            var overhead = Rounds.PerRound(latency, name, "direct API call", (a, b) => a.P50 / b.P50 - 1);
            report.Add(new SummaryRow(3, "Photos request", $"thumbnail p50 latency, 1 connection, {name} vs direct",
                Format.Number(Stats.Median(latency[name].Select(w => w.P50)), "0.00") + " ms",
                Format.Number(Stats.Median(latency["direct API call"].Select(w => w.P50)), "0.00") + " ms",
                "+" + Format.Percent(overhead), name == Candidate ? "(overhead ≤ 5 %)" : "overhead ≤ 5 %", name == Candidate ? null : Stats.Median(overhead) <= 0.05));
        }

        var gallery = await TimedTargets.RunAsync(options, connections, WithCandidate(new Dictionary<string, TimedTarget>
        {
            ["direct API call (JSON list)"] = Target(topology.PhotosApi, "/photos", topology.Sandbox, connections, bearer: accessToken),
            ["ours (gallery page)"] = Target(topology.OursSandbox.Origin, "/photos", topology.OursSandbox.Process, connections, ours.CookieHeader(topology.OursSandbox.Origin)),
            ["ours (Redis store, gallery page)"] = Target(topology.OursRedisA.Origin, "/photos", topology.OursRedisA.Process, connections, oursRedis.CookieHeader(topology.OursRedisA.Origin)),
        }, "/photos", connections));
        report.Section($"3. Authenticated photos request — gallery page vs the API's list, {connections} connections");
        report.TargetTable(gallery);
        AddOverhead(report, gallery, "gallery, req/s", "direct API call (JSON list)", ["ours (gallery page)", "ours (Redis store, gallery page)", Candidate]);

        if (new[] { throughput, latency, gallery }.All(s => s.Values.All(w => w.Sum(x => x.Operations - x.Errors) > 0)))
        {
            report.MarkRan(3);
        }
    }

    /// <summary>Overhead = direct ÷ ours − 1 in req/s: the extra time per request ours adds on this machine.</summary>
    private static void AddOverhead(Report report, Dictionary<string, List<LoadWindow>> windows, string measure, string direct, string[] oursTargets)
    {
        foreach (var ours in oursTargets.Where(windows.ContainsKey))
        {
            var overhead = Rounds.PerRound(windows, direct, ours, (a, b) => a.PerSecond / b.PerSecond - 1);
            report.Line($"Overhead of {ours} vs {direct} (direct ÷ ours − 1, req/s): {Format.Percent(overhead)}.");
            report.Add(new SummaryRow(3, "Photos request", $"{measure}, {ours} vs direct",
                Format.Number(Stats.Median(windows[ours].Select(w => w.PerSecond))) + " req/s",
                Format.Number(Stats.Median(windows[direct].Select(w => w.PerSecond))) + " req/s",
                "+" + Format.Percent(overhead), ours.StartsWith("candidate", StringComparison.Ordinal) ? "(overhead ≤ 5 %)" : "overhead ≤ 5 %",
                ours.StartsWith("candidate", StringComparison.Ordinal) ? null : Stats.Median(overhead) <= 0.05));
        }

        report.Line();
    }

    private static async Task<string> FirstPhotoAsync(Uri photosApi, string accessToken)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var photos = await http.GetFromJsonAsync<JsonElement>(new Uri(photosApi, "/photos"));
        return photos[0].GetProperty("id").GetString() ?? throw new InvalidOperationException("The photos API listed a photo without id.");
    }
}
