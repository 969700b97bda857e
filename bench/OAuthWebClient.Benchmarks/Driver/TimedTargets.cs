namespace OAuthWebClient.Benchmarks.Driver;

internal static class TimedTargets
{
    /// <summary>Every target, every round (alternating): a warm-up, then a measured window, at <paramref name="connections"/>.</summary>
    public static Task<Dictionary<string, List<LoadWindow>>> RunAsync(BenchOptions options, int connections, IReadOnlyDictionary<string, TimedTarget> targets) =>
        Rounds.RunAsync(options.Rounds, [.. targets.Keys], async (name, _) =>
        {
            var target = targets[name];
            await Load.RunForAsync(connections, options.Warmup, target.Operation, server: null);
            return await Load.RunForAsync(connections, options.Window, target.Operation, target.Server);
        });
}
