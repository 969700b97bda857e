using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Client.Redis;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Lookups of random sessions with ours' <see cref="RedisTokenStore.GetAsync"/>, one at a time, the populations taking turns
/// lookup by lookup: a pause of the shared machine falls on all of them alike, so their percentiles compare.
/// </summary>
internal static class StoreLookups
{
    /// <summary>Every lookup's milliseconds and each round's p99, per population; and how many found nothing.</summary>
    public static async Task<(Dictionary<int, List<double>> All, Dictionary<int, List<double>> PerRoundP99, int Misses)> RunAsync(
        IReadOnlyList<(int Population, RedisTokenStore Store, string[] Ids)> stores, int rounds, int lookups)
    {
        var all = stores.ToDictionary(s => s.Population, _ => new List<double>());
        var perRoundP99 = stores.ToDictionary(s => s.Population, _ => new List<double>());
        var random = new Random(42);
        var misses = 0;
        for (var round = 0; round < rounds; round++)
        {
            var times = stores.ToDictionary(s => s.Population, _ => new List<double>(lookups));
            for (var lookup = 0; lookup < lookups * stores.Count; lookup++)
            {
                var (population, store, ids) = stores[(lookup + round) % stores.Count];
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
                all[population].AddRange(sorted);
            }
        }

        return (all, perRoundP99, misses);
    }
}
