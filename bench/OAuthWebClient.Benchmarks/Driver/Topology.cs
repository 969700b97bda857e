using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// Every server of a run, on free loopback ports, each its own process:
/// <list type="bullet">
/// <item>sandbox: the OpenIddict authorization server and photos API (as embedded in the client) + the fast token server;</item>
/// <item>bare: the bare 302 and the bare relay (the limits);</item>
/// <item>ours-fast / peer-fast (and ours-fast-redis, ours-fast-quiet): against the fast token server — scenarios 1, 2, 7;</item>
/// <item>ours-sandbox / peer-sandbox (and ours-redis-a, ours-redis-b on one Redis prefix): against the real sandbox — scenarios 3, 4, 5, 6.</item>
/// </list>
/// </summary>
internal sealed class Topology : IDisposable
{
    public const string OursClientId = "oauth-web-client";
    public const string OursClientSecret = "bench-ours-secret";
    public const string PeerClientId = "peer-web-client";
    public const string PeerClientSecret = "bench-peer-secret";

    private readonly List<ChildProcess> _processes = [];

    public required Uri AuthServer { get; init; }

    public required Uri PhotosApi { get; init; }

    public required Uri FastServer { get; init; }

    public required Uri Bare { get; init; }

    public required ChildProcess Sandbox { get; init; }

    public required ChildProcess BareProcess { get; init; }

    public required ClientApp OursFast { get; init; }

    public required ClientApp OursFastRedis { get; init; }

    /// <summary>ours-fast with <c>Logging:LogLevel:OAuthWebClient=Warning</c>: what ours' per-request Information logs cost.</summary>
    public required ClientApp OursFastQuiet { get; init; }

    public required ClientApp PeerFast { get; init; }

    public required ClientApp OursSandbox { get; init; }

    public required ClientApp OursRedisA { get; init; }

    public required ClientApp OursRedisB { get; init; }

    public required ClientApp PeerSandbox { get; init; }

    /// <summary>With <c>--candidate</c>: that build against the fast server (in-memory store) and against the sandbox (Redis store).</summary>
    public ClientApp? CandidateFast { get; init; }

    public ClientApp? CandidateSandbox { get; init; }

    /// <summary>The Redis key prefix shared by ours-redis-a and ours-redis-b (tokens, leases, Data Protection keys).</summary>
    public required string SharedPrefix { get; init; }

    public required string FastPrefix { get; init; }

    /// <summary>Starts further clients the way these were started (scenario 9 times their start).</summary>
    public required ClientLauncher Launcher { get; init; }

    public static async Task<Topology> StartAsync(BenchOptions options, RedisServer redis, string runId, string workDir, IReadOnlyDictionary<string, string?> environment)
    {
        var ports = Ports.Allocate(14);
        Uri Local(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var (authServer, photosApi, fastServer, bare) = (Local(ports[0]), Local(ports[1]), Local(ports[2]), Local(ports[3]));
        var origins = ports[4..].Select(Local).ToArray();
        var (oursFast, oursFastRedis, peerFast, oursSandbox, oursRedisA, oursRedisB, peerSandbox, oursFastQuiet) =
            (origins[0], origins[1], origins[2], origins[3], origins[4], origins[5], origins[6], origins[7]);
        var (candidateFast, candidateSandbox) = (origins[8], origins[9]);
        var sharedPrefix = $"bench:{runId}:shared:";
        var fastPrefix = $"bench:{runId}:fast:";

        var processes = new List<ChildProcess>();
        try
        {
            var benchDll = typeof(Topology).Assembly.Location;
            List<string> sandboxArgs =
            [
                benchDll, "serve", "sandbox",
                $"--Bench:AuthServerUrl={authServer}", $"--Bench:PhotosApiUrl={photosApi}", $"--Bench:FastServerUrl={fastServer}",
                $"--AuthServer:Clients:0:ClientId={OursClientId}", $"--AuthServer:Clients:0:ClientSecret={OursClientSecret}",
                $"--AuthServer:Clients:1:ClientId={PeerClientId}", $"--AuthServer:Clients:1:ClientSecret={PeerClientSecret}",
                $"--AuthServer:Clients:1:RedirectUris:0={new Uri(peerSandbox, "/signin-oidc")}",
                $"--AuthServer:Clients:1:PostLogoutRedirectUris:0={new Uri(peerSandbox, "/signout-callback-oidc")}",
            ];
            Uri[] oursOnSandbox = [oursSandbox, oursRedisA, oursRedisB, candidateSandbox];
            for (var i = 0; i < oursOnSandbox.Length; i++)
            {
                sandboxArgs.Add($"--AuthServer:Clients:0:RedirectUris:{i}={new Uri(oursOnSandbox[i], "/callback")}");
                sandboxArgs.Add($"--AuthServer:Clients:0:PostLogoutRedirectUris:{i}={new Uri(oursOnSandbox[i], "/account/signed-out")}");
            }

            var dotnet = DotnetHost.Path;
            var sandbox = Add(processes, ChildProcess.Start("sandbox", dotnet, sandboxArgs, environment));
            var bareProcess = Add(processes, ChildProcess.Start("bare", dotnet,
                [benchDll, "serve", "bare", $"--Bench:Url={bare}", $"--Bench:PhotosApiUrl={photosApi}"], environment));

            var launcher = new ClientLauncher(options, photosApi, redis.Endpoint, workDir, environment);
            ClientApp Ours(string name, Uri origin, Uri authority, string? prefix, params string[] extra) =>
                new(name, true, origin, Add(processes, launcher.Ours(name, origin, authority, prefix, extra)));
            ClientApp? Candidate(string name, Uri origin, Uri authority, string? prefix) => options.Candidate is not { } candidate ? null
                : new(name, true, origin, Add(processes, launcher.Ours(name, origin, authority, prefix, workingDirectory: Path.GetDirectoryName(candidate))));
            ClientApp Peer(string name, Uri origin, Uri authority) => new(name, false, origin, Add(processes, launcher.Peer(name, origin, authority)));

            // The clients fetch metadata with retries, so they may start before the sandbox listens.
            var topology = new Topology
            {
                AuthServer = authServer,
                PhotosApi = photosApi,
                FastServer = fastServer,
                Bare = bare,
                Sandbox = sandbox,
                BareProcess = bareProcess,
                OursFast = Ours("ours-fast", oursFast, fastServer, prefix: null),
                OursFastRedis = Ours("ours-fast-redis", oursFastRedis, fastServer, fastPrefix),
                // The same, with ours' own Information events (one or two per sign-in step) below the level logged.
                OursFastQuiet = Ours("ours-fast-quiet", oursFastQuiet, fastServer, prefix: null, "--Logging:LogLevel:OAuthWebClient=Warning"),
                PeerFast = Peer("peer-fast", peerFast, fastServer),
                OursSandbox = Ours("ours-sandbox", oursSandbox, authServer, prefix: null),
                OursRedisA = Ours("ours-redis-a", oursRedisA, authServer, sharedPrefix),
                OursRedisB = Ours("ours-redis-b", oursRedisB, authServer, sharedPrefix),
                PeerSandbox = Peer("peer-sandbox", peerSandbox, authServer),
                CandidateFast = Candidate("candidate-fast", candidateFast, fastServer, prefix: null),
                CandidateSandbox = Candidate("candidate-redis", candidateSandbox, authServer, $"bench:{runId}:candidate:"),
                SharedPrefix = sharedPrefix,
                FastPrefix = fastPrefix,
                Launcher = launcher,
            };
            topology._processes.AddRange(processes);

            var timeout = TimeSpan.FromSeconds(90);
            await sandbox.WaitReadyAsync(new Uri(fastServer, "/_bench/counters"), timeout, HttpStatusCode.OK);
            await sandbox.WaitReadyAsync(new Uri(authServer, "/.well-known/openid-configuration"), timeout, HttpStatusCode.OK);
            await sandbox.WaitReadyAsync(new Uri(photosApi, "/photos"), timeout, HttpStatusCode.Unauthorized);
            await bareProcess.WaitReadyAsync(new Uri(bare, "/account/login"), timeout, HttpStatusCode.Found);
            // A login start answers 302 once the client has the server's metadata.
            await Task.WhenAll(topology.Clients.Select(c => c.Process.WaitReadyAsync(c.LoginStart, timeout, HttpStatusCode.Found)));
            return topology;
        }
        catch
        {
            processes.ForEach(p => p.Dispose());
            throw;
        }
    }

    public IEnumerable<ClientApp> Clients =>
        new[] { OursFast, OursFastRedis, OursFastQuiet, PeerFast, OursSandbox, OursRedisA, OursRedisB, PeerSandbox, CandidateFast, CandidateSandbox }.OfType<ClientApp>();

    public IEnumerable<ChildProcess> Processes => _processes;

    /// <summary>The sandbox's counters: code and refresh grants at the real server, requests at the fast one.</summary>
    public async Task<(long Code, long Refresh, long Fast)> CountersAsync()
    {
        using var http = new HttpClient();
        var counters = await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri(FastServer, "/_bench/counters"))
            ?? throw new InvalidOperationException("No counters.");
        return (counters["code"], counters["refresh"], counters["fast"]);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
    }

    private static ChildProcess Add(List<ChildProcess> processes, ChildProcess process)
    {
        processes.Add(process);
        return process;
    }
}
