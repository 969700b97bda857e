using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: an authenticated photos request, thumbnail (the API call, bytes relayed) and gallery (ours renders an
/// HTML page from the API's JSON list), ours with the memory and the Redis store, against the bare relay (a minimal
/// endpoint forwarding with a fixed token — the floor of any client that keeps tokens server-side; target ≥ 0.9) and
/// the peer relaying with the token from its cookie (≥ 1.0). The direct API call with the token is a reference line.
/// Then the Redis commands per page request (≤ 1), counted by Redis (<see cref="RedisRoundTrips"/>).
/// </summary>
internal static class PhotosScenario
{
    private const string Direct = "direct API call", Bare = "bare relay", Ours = "ours", OursRedis = "ours (Redis store)";
    private const string Peer = "peer (AddOpenIdConnect)", Candidate = "candidate (Redis store)";

    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report) = (context.Options, context.Topology, context.Report);
        using var browserInvoker = Http.CreateInvoker(4);
        var ours = await SignIn.RunAsync(browserInvoker, topology.OursSandbox);
        var oursRedis = await SignIn.RunAsync(browserInvoker, topology.OursRedisA);
        var peer = await SignIn.RunAsync(browserInvoker, topology.PeerSandbox);
        var candidateApp = topology.CandidateSandbox;
        var candidate = candidateApp is null ? null : await SignIn.RunAsync(browserInvoker, candidateApp);

        // alice's access token, read from ours' Redis session with ours' key ring; any of her tokens does.
        using var store = new SessionStoreAccess(context.Redis, topology.SharedPrefix);
        var accessToken = (await store.ReadAsync((await store.SessionKeysAsync()).First())).AccessToken;
        var photoId = await FirstPhotoAsync(topology.PhotosApi, accessToken);
        using (var http = new HttpClient())
        {
            using var taught = await http.PostAsync(new Uri(topology.Bare, "/_bench/token"), new StringContent(accessToken));
            taught.EnsureSuccessStatusCode();
        }

        TimedTarget Target(Uri origin, string path, ChildProcess server, int n, string? cookie = null, string? bearer = null)
        {
            var invoker = Http.CreateInvoker(n);
            var uri = new Uri(origin, path);
            return new TimedTarget(() => Http.GetAsync(invoker, uri, HttpStatusCode.OK, cookie, bearer), server);
        }

        TimedTarget Client(ClientApp app, WebSession session, string path, int n) => Target(app.Origin, path, app.Process, n, session.CookieHeader(app.Origin));

        // The same path everywhere: the API's call, relayed (bare, peer) or served by ours (its gallery page for /photos).
        Dictionary<string, TimedTarget> Targets(string path, int n)
        {
            var targets = new Dictionary<string, TimedTarget>
            {
                [Direct] = Target(topology.PhotosApi, path, topology.Sandbox, n, bearer: accessToken),
                [Bare] = Target(topology.Bare, "/relay" + path, topology.BareProcess, n),
                [Ours] = Client(topology.OursSandbox, ours, path, n),
                [OursRedis] = Client(topology.OursRedisA, oursRedis, path, n),
                [Peer] = Client(topology.PeerSandbox, peer, path, n),
            };
            if (candidateApp is not null)
            {
                targets[Candidate] = Client(candidateApp, candidate!, path, n);
            }

            return targets;
        }

        var connections = Math.Max(1, options.Connections / 2);
        var thumbnail = $"/photos/{photoId}/thumbnail";
        var thumbnails = await TimedTargets.RunAsync(options, connections, Targets(thumbnail, connections));
        report.Section($"3. Authenticated photos request — thumbnail relay, {connections} connections");
        report.TargetTable(thumbnails);
        AddRatios(report, thumbnails, "thumbnail", "");

        var latencyTargets = Targets(thumbnail, 1);
        latencyTargets.Remove(Peer);
        var latency = await TimedTargets.RunAsync(options, 1, latencyTargets);
        report.Section("3. Authenticated photos request — thumbnail relay, one request at a time (latency)");
        report.TargetTable(latency);
        report.Line($"p50 ours ÷ {Bare} {Format.Ratio(Rounds.PerRound(latency, Ours, Bare, (a, b) => a.P50 / b.P50))}, ÷ {Direct} (reference) {Format.Ratio(Rounds.PerRound(latency, Ours, Direct, (a, b) => a.P50 / b.P50))}.");
        report.Line();

        var gallery = await TimedTargets.RunAsync(options, connections, Targets("/photos", connections));
        report.Section($"3. Authenticated photos request — gallery: ours' HTML page vs the API's JSON list relayed, {connections} connections");
        report.TargetTable(gallery);
        AddRatios(report, gallery, "gallery", "; ours renders an HTML page, the reference passes the API's JSON list through");

        report.Section("3. Authenticated photos request — Redis commands per page request (ours, Redis store)");
        await RedisRoundTrips.AddAsync(context, "thumbnail", topology.OursRedisA, oursRedis, thumbnail);
        await RedisRoundTrips.AddAsync(context, "gallery", topology.OursRedisA, oursRedis, "/photos");
        report.Line();

        if (new[] { thumbnails, latency, gallery }.All(s => s.Values.All(w => w.Sum(x => x.Operations - x.Errors) > 0)))
        {
            report.MarkRan(3);
        }
    }

    /// <summary>Ours (memory and Redis store) ÷ the bare relay (≥ 0.9) and ÷ the peer (≥ 1.0), per round; ÷ the direct call as a reference line.</summary>
    private static void AddRatios(Report report, Dictionary<string, List<LoadWindow>> windows, string page, string note)
    {
        foreach (var (ours, label) in new[] { (Ours, "ours"), (OursRedis, "ours, Redis") })
        {
            report.Add(RatioRow.Of(3, "Photos request", $"{page} req/s, {ours} ÷ {Bare} (fixed token){note}", windows, ours, Bare, 0.9, chart: $"{page}, {label} ÷ bare relay"));
            report.Add(RatioRow.Of(3, "Photos request", $"{page} req/s, {ours} ÷ peer{note}", windows, ours, Peer, 1.0, chart: $"{page}, {label} ÷ peer"));
            report.Line($"{ours} ÷ {Direct} (a reference, not a target): {Format.Ratio(Rounds.PerRound(windows, ours, Direct, (a, b) => a.PerSecond / b.PerSecond))} req/s.");
        }

        CandidateRows.Add(report, 3, "Photos request", windows, $"{page} req/s", [(Bare, 0.9), (Peer, 1.0)], Candidate);
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
