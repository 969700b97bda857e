using System.Net;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: Redis commands per page request on the hot path (target ≤ 1), counted by Redis itself
/// (<c>INFO commandstats</c> before and after) over a bounded run of requests on one signed-in session, sent only to
/// ours with the Redis store while nothing else loads the run's private Redis.
/// </summary>
internal static class RedisRoundTrips
{
    private const int Connections = 4;

    public static async Task AddAsync(BenchContext context, string page, ClientApp client, WebSession session, string path)
    {
        var (redis, report, requests) = (context.Redis, context.Report, context.Options.RedisCountRequests);
        if (!redis.IsPrivate)
        {
            report.Line($"Redis commands per {page} request: not counted, the run's Redis (--redis) is not private to it.");
            return;
        }

        using var invoker = Http.CreateInvoker(Connections);
        var (uri, cookie) = (new Uri(client.Origin, path), session.CookieHeader(client.Origin));
        var before = await redis.CommandCallsAsync();
        var run = await Load.RunAllAsync(Enumerable.Range(0, requests).ToArray(), Connections, _ => Http.GetAsync(invoker, uri, HttpStatusCode.OK, cookie), server: null);
        // Fire-and-forget commands of the last requests may still be on their way.
        await Task.Delay(200);
        var after = await redis.CommandCallsAsync();
        if (run.Errors > 0)
        {
            throw new InvalidOperationException($"{client.Name}: {run.Errors} of {requests} signed-in {page} requests failed.");
        }

        var commands = after.Select(c => (Name: c.Key, Calls: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.Calls > 0).OrderByDescending(c => c.Calls).ToList();
        var perRequest = commands.Sum(c => c.Calls) / (double)requests;
        var which = commands.Count == 0 ? "none" : string.Join(", ", commands.Select(c => $"{c.Name} {Format.Number(c.Calls / (double)requests, "0.00")}"));
        report.Line($"Redis commands per {page} request ({client.Name}, {requests} requests on one signed-in session, INFO commandstats): {Format.Number(perRequest, "0.00")} — {which}.");
        report.Add(new SummaryRow(3, "Photos request", $"Redis commands per {page} request, ours (Redis store), counted by INFO commandstats over {requests} requests",
            $"{commands.Sum(c => c.Calls)} commands", "—", $"{Format.Number(perRequest, "0.00")} ({which})", "≤ 1", perRequest <= 1));
    }
}
