using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Client.Session;
using StackExchange.Redis;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: ours' Redis token store — bytes per session (target ≤ 2.5 KB, for an Entra ID session: the largest preset's
/// claims) and lookup latency, p99 flat from 1k to 1M sessions. Ours' own <see cref="RedisTokenStore"/>, key ring and value
/// shape; the populations are filled pipelined (<see cref="SessionFill"/>), each in its own Redis database so that each
/// lookup sees a keyspace of exactly that size, and emptied afterwards.
/// </summary>
internal static class StoreScenario
{
    private const int ByteSamples = 200;

    public static async Task RunAsync(BenchContext context)
    {
        var (options, report, redis) = (context.Options, context.Report, context.Redis);
        using var access = new SessionStoreAccess(redis, context.Topology.SharedPrefix);
        var sandbox = await SandboxSessionAsync(access, context.Topology);
        var entra = EntraIdSession.Create(TimeProvider.System);
        var prefix = $"bench:{context.RunId}:store:";
        var keys = new RedisKeys(Options.Create(new RedisOptions { KeyPrefix = prefix }));
        var clientOptions = Options.Create(new OAuthClientOptions());
        var lifetime = clientOptions.Value.SessionLifetime;
        var populations = options.StorePopulations;
        var databases = Enumerable.Range(1, populations.Count).ToArray();
        var values = SessionFill.Values(access.Protector, entra);
        var stores = new List<(int Population, RedisTokenStore Store, string[] Ids)>();
        var connections = new List<ConnectionMultiplexer>();
        try
        {
            var fills = new List<(int Population, TimeSpan Took)>();
            long grown = 0;
            for (var i = 0; i < populations.Count; i++)
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Endpoint},defaultDatabase={databases[i].ToString(CultureInfo.InvariantCulture)}");
                connections.Add(connection);
                var store = new RedisTokenStore(connection, keys, access.Protector, new RedisAvailability(TimeProvider.System, NullLogger<RedisAvailability>.Instance), clientOptions);
                var usedBefore = await UsedMemoryAsync(redis);
                var watch = Stopwatch.StartNew();
                var ids = await SessionFill.FillAsync(connection.GetDatabase(), keys, values, entra.Issuer, populations[i], lifetime);
                fills.Add((populations[i], watch.Elapsed));
                grown = await UsedMemoryAsync(redis) - usedBefore;
                stores.Add((populations[i], store, ids));
            }

            var largest = stores[^1];
            var database = connections[^1].GetDatabase();
            var (tokenBytes, indexBytes) = await SessionBytes.MeasureAsync(database, largest.Store, keys, entra, ByteSamples);
            var perSession = tokenBytes + indexBytes;
            var (sandboxTokens, sandboxIndex) = await SessionBytes.MeasureAsync(database, largest.Store, keys, sandbox, 20);
            report.Section("6. Token store in Redis: bytes per session and lookup latency");
            report.Line($"One session = an Entra ID session (OAuth:Preset=EntraId), made to Entra's shapes (no provider called): ID token v2.0, RS256, {entra.IdToken!.Length} B, with {EntraIdSession.IdTokenClaims}; " +
                $"access token v2.0 for the app's API, RS256, {entra.AccessToken.Length} B, with {EntraIdSession.AccessTokenClaims}; an opaque refresh token of {entra.RefreshToken!.Length} B; " +
                $"the mapped user (name, email, 3 roles); sub and sid of its own. TokenSet JSON {JsonSerializer.SerializeToUtf8Bytes(entra).Length} B, encrypted value {access.Protector.Protect(entra).Length} B (Brotli, then Data Protection).");
            report.Line($"Redis MEMORY USAGE per session (mean of {ByteSamples}, written by ours' RedisTokenStore): {Format.Bytes(perSession)} = token key {Format.Bytes(tokenBytes)} + back-channel logout index (sid and sub sets) {Format.Bytes(indexBytes)}" +
                (redis.IsPrivate ? $"; used_memory growth for {largest.Population:N0} sessions ÷ {largest.Population:N0}: {Format.Bytes(grown / (double)largest.Population)}." : "."));
            report.Line($"- the sandbox's session instead (access token {sandbox.AccessToken.Length} B, refresh token {sandbox.RefreshToken?.Length ?? 0} B, ID token {sandbox.IdToken?.Length ?? 0} B): {Format.Bytes(sandboxTokens + sandboxIndex)} (token key {Format.Bytes(sandboxTokens)}).");
            // What would move the bytes: the same session without the ID token, with an opaque (reference) refresh token, both.
            var reference = new string('r', 43);
            (string Variant, TokenSet Tokens)[] variants =
            [
                ("without the ID token", entra with { IdToken = null }),
                ("with a 43-character reference refresh token", entra with { RefreshToken = reference }),
                ("both", entra with { IdToken = null, RefreshToken = reference }),
            ];
            foreach (var (variant, tokens) in variants)
            {
                var (variantTokens, variantIndex) = await SessionBytes.MeasureAsync(database, largest.Store, keys, tokens, 20);
                report.Line($"- the Entra ID session {variant}: {Format.Bytes(variantTokens + variantIndex)} (token key {Format.Bytes(variantTokens)}).");
            }

            report.Line($"Fill (pipelined: batches of {SessionFill.SessionsPerBatch} sessions, 5 commands each, {SessionFill.BatchesInFlight} batches in flight; each session its own index sets, its value one of {SessionFill.DistinctValues} encryptions of the session): " +
                string.Join(", ", fills.Select(f => $"{f.Population:N0} in {Format.Number(f.Took.TotalSeconds, "0.0")} s ({Format.Number(f.Population / f.Took.TotalSeconds)} sessions/s)")) + ".");
            report.Line();

            var (latencies, perRoundP99, misses) = await StoreLookups.RunAsync(stores, options.Rounds, options.StoreLookups);
            LatencyTable(report, latencies, perRoundP99);
            report.Line($"Lookups that found nothing: {misses}. A lookup is ours' RedisTokenStore.GetAsync: GETEX (slides the expiry), decrypt, deserialize, and the index sets' expiry slid (fire and forget).");
            report.Line();

            var smallest = latencies[populations[0]].Order().ToArray();
            var biggest = latencies[populations[^1]].Order().ToArray();
            // Per round (the populations interleaved within it), then the median: robust to a pause of the shared machine.
            var perRound = perRoundP99[populations[^1]].Zip(perRoundP99[populations[0]], (big, small) => big / small).ToArray();
            report.Add(new SummaryRow(6, "Store", "bytes per session in Redis (MEMORY USAGE), an Entra ID session: token key + logout index", Format.Bytes(perSession),
                $"sandbox's: {Format.Bytes(sandboxTokens + sandboxIndex)}", $"{Format.Number(perSession / 1024, "0.00")} KB (key {Format.Number(tokenBytes / 1024, "0.00")} KB)", "≤ 2.5 KB", perSession <= 2.5 * 1024));
            report.Add(new SummaryRow(6, "Store", $"p99 lookup, {populations[^1]:N0} ÷ {populations[0]:N0} sessions (per round, median)",
                Format.Number(Stats.Percentile(biggest, 0.99), "0.000") + " ms", Format.Number(Stats.Percentile(smallest, 0.99), "0.000") + " ms",
                Format.Ratio(perRound), "flat (≤ 1.25)", Stats.Median(perRound) <= 1.25));
            report.Add(new SummaryRow(6, "Store", "p99 lookup (median of rounds) at " + string.Join(" / ", populations.Select(Count)) + " sessions",
                string.Join(" / ", populations.Select(p => Format.Number(Stats.Median(perRoundP99[p]), "0.000"))) + " ms", "—", "—", "report", null));
            report.Add(new SummaryRow(6, "Store", $"fill of {populations[^1]:N0} sessions, pipelined", Format.Number(fills[^1].Took.TotalSeconds, "0.0") + " s",
                Format.Number(populations[^1] / fills[^1].Took.TotalSeconds) + " sessions/s", "—", "(the harness: ≤ 2 min)", null));
            if (misses == 0)
            {
                report.MarkRan(6);
            }
        }
        finally
        {
            await EmptyAsync(redis, prefix, databases);
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>A real session's tokens from the sandbox (scenarios 3 and 4 signed in; else one sign-in now): the reference.</summary>
    private static async Task<TokenSet> SandboxSessionAsync(SessionStoreAccess access, Topology topology)
    {
        var sessions = await access.SessionKeysAsync();
        if (sessions.Count == 0)
        {
            using var invoker = Http.CreateInvoker(2);
            await SignIn.RunAsync(invoker, topology.OursRedisA);
            sessions = await access.SessionKeysAsync();
        }

        return await access.ReadAsync(sessions.First());
    }

    /// <summary>The populations' databases are this run's alone on a private Redis: flushed; on a shared one, the prefix is deleted.</summary>
    private static async Task EmptyAsync(RedisServer redis, string prefix, int[] databases)
    {
        if (!redis.IsPrivate)
        {
            await redis.DeleteKeysAsync(prefix, databases);
            return;
        }

        foreach (var database in databases)
        {
            // ASYNC: Redis frees the keys in the background; a synchronous flush of a million takes longer than the client's timeout.
            await redis.Connection.GetDatabase(database).ExecuteAsync("FLUSHDB", "ASYNC");
        }
    }

    private static string Count(int population) => population >= 1_000_000 ? $"{population / 1_000_000}M" : population >= 1_000 ? $"{population / 1_000}k" : population.ToString(CultureInfo.InvariantCulture);

    private static void LatencyTable(Report report, Dictionary<int, List<double>> latencies, Dictionary<int, List<double>> perRoundP99)
    {
        report.Line("| sessions | lookups | p50 ms | p90 ms | p99 ms (all) | p99 ms (median of rounds) | p99 per round (ms) |");
        report.Line("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (population, times) in latencies)
        {
            var sorted = times.Order().ToArray();
            report.Line($"| {population:N0} | {sorted.Length} | {Format.Number(Stats.Percentile(sorted, 0.5), "0.000")} | {Format.Number(Stats.Percentile(sorted, 0.9), "0.000")} | {Format.Number(Stats.Percentile(sorted, 0.99), "0.000")} | {Format.Number(Stats.Median(perRoundP99[population]), "0.000")} | {string.Join(" / ", perRoundP99[population].Select(p => Format.Number(p, "0.000")))} |");
        }

        report.Line();
    }

    private static async Task<long> UsedMemoryAsync(RedisServer redis)
    {
        var info = await redis.Connection.GetServers()[0].InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }
}
