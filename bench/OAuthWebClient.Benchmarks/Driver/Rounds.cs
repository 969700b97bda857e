namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// Targets measured in rounds, alternating: in round r the order is rotated by r, so slow drift on a shared machine
/// (other work starting or stopping) falls on every target alike. Ratios are taken per round, then the median.
/// </summary>
internal static class Rounds
{
    public static async Task<Dictionary<string, List<T>>> RunAsync<T>(int rounds, IReadOnlyList<string> targets, Func<string, int, Task<T>> measure)
    {
        var windows = targets.ToDictionary(t => t, _ => new List<T>(), StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                var target = targets[(i + round) % targets.Count];
                windows[target].Add(await measure(target, round));
            }
        }

        return windows;
    }

    /// <summary>Per round, <paramref name="ratio"/>(a, b), e.g. ours ÷ peer throughput.</summary>
    public static double[] PerRound<T>(Dictionary<string, List<T>> windows, string a, string b, Func<T, T, double> ratio) =>
        [.. windows[a].Zip(windows[b], ratio)];
}
