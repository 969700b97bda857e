namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>Scenario 8's clock: the cost of one call, in process, on this thread, in a bounded loop.</summary>
internal static class CpuCost
{
    /// <summary>µs per call: the median of ten batches' means, after a warm-up of a tenth of the iterations (a busy machine skews a mean).</summary>
    public static double Measure(int iterations, Func<object?> operation)
    {
        for (var i = 0; i < Warmup(iterations); i++)
        {
            operation();
        }

        var batches = new List<double>();
        var perBatch = PerBatch(iterations);
        for (var batch = 0; batch < 10; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
            {
                operation();
            }

            batches.Add(watch.Elapsed.TotalMicroseconds / perBatch);
        }

        return Stats.Median(batches);
    }

    /// <summary>How many times <see cref="Measure"/> calls the operation, warm-up included (for inputs used once each).</summary>
    public static int Calls(int iterations) => Warmup(iterations) + 10 * PerBatch(iterations);

    /// <summary>Calls that complete at once (in-memory stores, cached metadata): run on this thread, no scheduling measured.</summary>
    public static double MeasureAsync<T>(int iterations, Func<Task<T>> operation) =>
        Measure(iterations, () => operation().GetAwaiter().GetResult());

    private static int Warmup(int iterations) => Math.Max(10, iterations / 10);

    private static int PerBatch(int iterations) => Math.Max(1, iterations / 10);

    /// <summary>A row of scenario 8's table: the operation, µs per call, calls per second on one core.</summary>
    public static void Row(Report report, string name, double micros) =>
        report.Line($"| {name} | {Format.Number(micros, micros < 1 ? "0.000" : "0.0")} | {Format.Number(1_000_000 / micros)} |");
}
