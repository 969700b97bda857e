using System.Net;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: N concurrent requests (default 200) on one session whose access token has expired, with one and with two
/// instances sharing Redis: refresh grants counted at the sandbox server (target exactly 1), errors (target 0), p50/p99.
/// A real sign-in at the sandbox, then the session's <c>ExpiresAt</c> is moved into the past in ours' store (with ours'
/// own key ring, and only with the key the instance wrote it with), so every request finds the token expired; the refresh token itself is the sandbox's, single use.
/// </summary>
internal static class StampedeScenario
{
    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report) = (context.Options, context.Topology, context.Report);
        using var store = new SessionStoreAccess(context.Redis, topology.SharedPrefix);
        using var browserInvoker = Http.CreateInvoker(4);
        using var invoker = Http.CreateInvoker(options.StampedeRequests);
        var n = options.StampedeRequests;
        report.Section($"4. Refresh stampede: {n} concurrent requests on one expired session");
        // One key between the instances (RedisFirstDataProtectionKey); the driver's rewrite refuses any other.
        report.Line($"Data Protection keys in the shared ring: {await store.KeyRingSizeAsync()}.");
        report.Line();
        report.Line("| instances | repetition | refresh grants at the server | errors | p50 ms | p99 ms | max ms |");
        report.Line("|---:|---:|---:|---:|---:|---:|---:|");
        var ran = true;
        foreach (var instances in new[] { 1, 2 })
        {
            ClientApp[] targets = instances == 1 ? [topology.OursRedisA] : [topology.OursRedisA, topology.OursRedisB];
            var results = new List<(long Grants, int Errors, double[] Latencies)>();
            for (var repetition = 1; repetition <= options.StampedeRepetitions; repetition++)
            {
                var before = await store.SessionKeysAsync();
                var browser = await SignIn.RunAsync(browserInvoker, topology.OursRedisA);
                var session = (await store.SessionKeysAsync()).Except(before).Single();
                var cookie = browser.CookieHeader(topology.OursRedisA.Origin);
                foreach (var target in targets)
                {
                    // The session works on every instance (shared keys and store) before it expires.
                    if (!await Http.GetAsync(invoker, new Uri(target.Origin, "/photos"), HttpStatusCode.OK, cookie))
                    {
                        throw new InvalidOperationException($"{target.Name} did not serve the gallery to a fresh session.");
                    }
                }

                // One pooled connection per request, opened beforehand: the stampede measures the refresh, not TCP.
                await Task.WhenAll(Enumerable.Range(0, n).Select(i => Http.GetAsync(invoker, targets[i % instances].Origin, HttpStatusCode.OK).AsTask()));
                var tokens = await store.ReadAsync(session);
                await store.WriteAsync(session, tokens with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) });
                var counters = await topology.CountersAsync();

                var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var requests = Enumerable.Range(0, n).Select(i => Task.Run(async () =>
                {
                    await go.Task;
                    var begin = Stopwatch.GetTimestamp();
                    bool ok;
                    try
                    {
                        ok = await Http.GetAsync(invoker, new Uri(targets[i % instances].Origin, "/photos"), HttpStatusCode.OK, cookie);
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }

                    return (Ok: ok, Ms: Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                })).ToArray();
                go.SetResult();
                var outcomes = await Task.WhenAll(requests);
                var grants = (await topology.CountersAsync()).Refresh - counters.Refresh;
                var refreshed = await store.ReadAsync(session);
                var latencies = outcomes.Select(o => o.Ms).Order().ToArray();
                var errors = outcomes.Count(o => !o.Ok);
                results.Add((grants, errors, latencies));
                ran &= outcomes.Any(o => o.Ok) && refreshed.LastRefreshed is not null;
                report.Line($"| {instances} | {repetition} | {grants} | {errors} | {Format.Number(Stats.Percentile(latencies, 0.5), "0.0")} | {Format.Number(Stats.Percentile(latencies, 0.99), "0.0")} | {Format.Number(latencies[^1], "0.0")} |");
            }

            var label = instances == 1 ? "1 instance" : "2 instances on Redis";
            report.Add(new SummaryRow(4, "Refresh stampede", $"token endpoint calls, {label} (per repetition)", string.Join(", ", results.Select(r => r.Grants)), "—",
                $"max {results.Max(r => r.Grants)}", "exactly 1", results.All(r => r.Grants == 1)));
            report.Add(new SummaryRow(4, "Refresh stampede", $"errors of {n}, {label}", string.Join(", ", results.Select(r => r.Errors)), "—",
                $"total {results.Sum(r => r.Errors)}", "0", results.All(r => r.Errors == 0)));
            report.Add(new SummaryRow(4, "Refresh stampede", $"p50 / p99 latency, {label}",
                $"{Format.Number(Stats.Median(results.Select(r => Stats.Percentile(r.Latencies, 0.5))), "0.0")} / {Format.Number(Stats.Median(results.Select(r => Stats.Percentile(r.Latencies, 0.99))), "0.0")} ms",
                "—", "median of repetitions", "report", null));
        }

        report.Line();
        if (ran)
        {
            report.MarkRan(4);
        }
    }
}
