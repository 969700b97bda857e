using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Web;
using OAuthWebClient.Client.Session;
using OAuthWebClient.Client.Tokens;
using StackExchange.Redis;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: ours' Redis token store — bytes per session and lookup latency (p99) with 1k, 10k and 100k sessions
/// (targets: ≤ 3 KB per session; p99 flat). Ours' own <see cref="RedisTokenStore"/> and key ring, filled with copies of
/// a real session's tokens from the sandbox. Each population lives in its own Redis database, so each lookup sees a
/// keyspace of exactly that size; lookups alternate between populations round by round.
/// </summary>
internal static class StoreScenario
{
    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report, redis) = (context.Options, context.Topology, context.Report, context.Redis);
        using var access = new SessionStoreAccess(redis, topology.SharedPrefix);
        var sessions = await access.SessionKeysAsync();
        if (sessions.Count == 0)
        {
            using var invoker = Http.CreateInvoker(2);
            await SignIn.RunAsync(invoker, topology.OursRedisA);
            sessions = await access.SessionKeysAsync();
        }

        var sample = await access.ReadAsync(sessions.First());
        var prefix = $"bench:{context.RunId}:store:";
        var keys = new RedisKeys(Options.Create(new RedisOptions { KeyPrefix = prefix }));
        var populations = options.StorePopulations;
        var databases = Enumerable.Range(1, populations.Count).ToArray();
        var stores = new List<(int Population, RedisTokenStore Store, string[] Ids, ConnectionMultiplexer Connection)>();
        try
        {
            long usedBefore = 0, usedAfter = 0;
            for (var i = 0; i < populations.Count; i++)
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},defaultDatabase={databases[i].ToString(CultureInfo.InvariantCulture)}");
                var store = new RedisTokenStore(connection, keys, access.Protector, new RedisAvailability(TimeProvider.System, NullLogger<RedisAvailability>.Instance), Options.Create(new OAuthClientOptions()));
                var ids = Enumerable.Range(0, populations[i]).Select(_ => SessionClaims.NewSessionId()).ToArray();
                var isLargest = i == populations.Count - 1;
                if (isLargest)
                {
                    usedBefore = await UsedMemoryAsync(redis);
                }

                foreach (var chunk in ids.Chunk(500))
                {
                    await Task.WhenAll(chunk.Select(id => store.SetAsync(id, sample, CancellationToken.None)));
                }

                if (isLargest)
                {
                    usedAfter = await UsedMemoryAsync(redis);
                }

                stores.Add((populations[i], store, ids, connection));
            }

            // Bytes per session: Redis's own accounting of a sample of keys (value, key, object and dict overhead).
            var largest = stores[^1];
            var database = largest.Connection.GetDatabase();
            var memory = new List<double>();
            var valueBytes = new List<double>();
            foreach (var id in largest.Ids.Take(200))
            {
                memory.Add((double)await database.ExecuteAsync("MEMORY", "USAGE", (string)keys.Tokens(id)!, "SAMPLES", "0"));
                valueBytes.Add(await database.StringLengthAsync(keys.Tokens(id)));
            }

            var perSession = memory.Average();
            var json = JsonSerializer.SerializeToUtf8Bytes(sample).Length;
            report.Section("6. Token store in Redis: bytes per session and lookup latency");
            report.Line($"One session = the sandbox's tokens: access token {sample.AccessToken.Length} B, refresh token {sample.RefreshToken?.Length ?? 0} B, ID token {sample.IdToken?.Length ?? 0} B; TokenSet JSON {json} B; encrypted value {Format.Number(valueBytes.Average())} B.");
            report.Line($"Redis MEMORY USAGE per session (mean of 200): {Format.Bytes(perSession)}" +
                (redis.IsPrivate ? $"; used_memory growth for {largest.Population:N0} sessions ÷ {largest.Population:N0}: {Format.Bytes((usedAfter - usedBefore) / (double)largest.Population)}." : "."));
            // What would move the bytes: the same session without the ID token, with an opaque (reference) refresh token, both.
            var reference = new string('r', 43);
            (string Variant, TokenSet Tokens)[] variants =
            [
                ("without the ID token", sample with { IdToken = null }),
                ("with a 43-character reference refresh token", sample with { RefreshToken = reference }),
                ("both", sample with { IdToken = null, RefreshToken = reference }),
            ];
            foreach (var (variant, tokens) in variants)
            {
                var id = SessionClaims.NewSessionId();
                await largest.Store.SetAsync(id, tokens, CancellationToken.None);
                var bytes = (double)await database.ExecuteAsync("MEMORY", "USAGE", (string)keys.Tokens(id)!, "SAMPLES", "0");
                report.Line($"- {variant}: {Format.Bytes(bytes)} per session.");
            }

            report.Line();

            var latencies = stores.ToDictionary(s => s.Population, _ => new List<double>());
            var perRoundP99 = stores.ToDictionary(s => s.Population, _ => new List<double>());
            var random = new Random(42);
            var misses = 0;
            // One lookup at a time, the populations taking turns lookup by lookup: a pause of the shared machine falls on
            // all of them alike, so their percentiles compare.
            for (var round = 0; round < options.Rounds; round++)
            {
                var times = stores.ToDictionary(s => s.Population, _ => new List<double>(options.StoreLookups));
                for (var lookup = 0; lookup < options.StoreLookups * stores.Count; lookup++)
                {
                    var (population, store, ids, _) = stores[(lookup + round) % stores.Count];
                    var id = ids[random.Next(ids.Length)];
                    var begin = Stopwatch.GetTimestamp();
                    var tokens = await store.GetAsync(id, CancellationToken.None);
                    times[population].Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    misses += tokens is null ? 1 : 0;
                }

                foreach (var (population, list) in times)
                {
                    var sorted = list.Order().ToArray();
                    perRoundP99[population].Add(Stats.Percentile(sorted, 0.99));
                    latencies[population].AddRange(sorted);
                }
            }

            report.Line("| sessions | lookups | p50 ms | p90 ms | p99 ms (all) | p99 ms (median of rounds) | p99 per round (ms) |");
            report.Line("|---:|---:|---:|---:|---:|---:|---|");
            foreach (var (population, times) in latencies)
            {
                var sorted = times.Order().ToArray();
                report.Line($"| {population:N0} | {sorted.Length} | {Format.Number(Stats.Percentile(sorted, 0.5), "0.000")} | {Format.Number(Stats.Percentile(sorted, 0.9), "0.000")} | {Format.Number(Stats.Percentile(sorted, 0.99), "0.000")} | {Format.Number(Stats.Median(perRoundP99[population]), "0.000")} | {string.Join(" / ", perRoundP99[population].Select(p => Format.Number(p, "0.000")))} |");
            }

            report.Line();
            report.Line($"Lookups that found nothing: {misses}. A lookup is ours' RedisTokenStore.GetAsync: GETEX (slides the expiry), decrypt, deserialize.");
            var smallest = latencies[populations[0]].Order().ToArray();
            var biggest = latencies[populations[^1]].Order().ToArray();
            // Per round (the populations interleaved within it), then the median: robust to a pause of the shared machine.
            var perRound = perRoundP99[populations[^1]].Zip(perRoundP99[populations[0]], (big, small) => big / small).ToArray();
            var flat = Stats.Median(perRound);
            report.Add(new SummaryRow(6, "Store", "bytes per session in Redis (MEMORY USAGE)", Format.Bytes(perSession), "—",
                Format.Number(perSession / 1024, "0.00") + " KB", "≤ 3 KB", perSession <= 3 * 1024));
            report.Add(new SummaryRow(6, "Store", $"p99 lookup, {populations[^1]:N0} ÷ {populations[0]:N0} sessions (per round, median)",
                Format.Number(Stats.Percentile(biggest, 0.99), "0.000") + " ms", Format.Number(Stats.Percentile(smallest, 0.99), "0.000") + " ms",
                Format.Ratio(perRound), "flat (≤ 1.25)", flat <= 1.25));
            if (misses == 0)
            {
                report.MarkRan(6);
            }
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix, databases);
            foreach (var (_, _, _, connection) in stores)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<long> UsedMemoryAsync(RedisServer redis)
    {
        var info = await redis.Connection.GetServers()[0].InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }
}
