using StackExchange.Redis;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The Redis the run uses: <c>--redis</c>, else a private <c>redis-server</c> on a free loopback port (no persistence),
/// else <c>OAUTHWEBCLIENT_TEST_REDIS</c> (what .ci/run exports). Keys are under a prefix of this run and are deleted at the end.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess? _process;

    private RedisServer(string endpoint, ChildProcess? process, ConnectionMultiplexer connection)
    {
        Endpoint = endpoint;
        _process = process;
        Connection = connection;
    }

    /// <summary>host:port.</summary>
    public string Endpoint { get; }

    /// <summary>True when this run started the server: it may read server-wide memory figures.</summary>
    public bool IsPrivate => _process is not null;

    public ConnectionMultiplexer Connection { get; }

    public static async Task<RedisServer> StartAsync(BenchOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        ChildProcess? process = null;
        var endpoint = options.Redis;
        if (endpoint is null && FindOnPath("redis-server") is { } server)
        {
            var port = Ports.Allocate(1)[0];
            process = ChildProcess.Start("redis", server,
                ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
                environment);
            endpoint = $"127.0.0.1:{port}";
        }

        endpoint ??= Environment.GetEnvironmentVariable("OAUTHWEBCLIENT_TEST_REDIS")
            ?? throw new InvalidOperationException("Scenarios 4, 6 and 7 need Redis: install redis-server, or pass --redis host:port.");

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"{endpoint},allowAdmin=true,abortConnect=true");
                return new RedisServer(endpoint, process, connection);
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Deletes every key under <paramref name="prefix"/> in the given databases.</summary>
    public async Task DeleteKeysAsync(string prefix, params int[] databases)
    {
        foreach (var database in databases)
        {
            var db = Connection.GetDatabase(database);
            foreach (var server in Connection.GetServers())
            {
                var batch = new List<RedisKey>();
                await foreach (var key in server.KeysAsync(database, prefix + "*", pageSize: 1000))
                {
                    batch.Add(key);
                    if (batch.Count == 1000)
                    {
                        await db.KeyDeleteAsync([.. batch]);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await db.KeyDeleteAsync([.. batch]);
                }
            }
        }
    }

    /// <summary>
    /// Calls per command since the server started, from its own <c>INFO commandstats</c> — without INFO, which this
    /// reading sends itself. Server-wide: meaningful only while nothing else sends this server commands.
    /// </summary>
    public async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        var stats = await Connection.GetServers().Single().InfoAsync("commandstats");
        return stats.SelectMany(section => section)
            .Where(entry => entry.Key.StartsWith("cmdstat_", StringComparison.Ordinal) && entry.Key != "cmdstat_info")
            .ToDictionary(entry => entry.Key["cmdstat_".Length..].ToUpperInvariant(), entry => Calls(entry.Value), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _process?.Dispose();
    }

    /// <summary>The <c>calls=N</c> of a commandstats line: <c>calls=12,usec=34,usec_per_call=2.83,…</c>.</summary>
    private static long Calls(string line) =>
        long.Parse(line.Split(',').Single(part => part.StartsWith("calls=", StringComparison.Ordinal))["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
