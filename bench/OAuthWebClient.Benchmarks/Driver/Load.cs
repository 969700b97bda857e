namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// Closed-loop load: <c>workers</c> concurrent loops, each sending its next operation when the previous one is answered.
/// Bounded in time (<see cref="RunForAsync"/>) or in count (<see cref="RunAllAsync{T}"/>); never open-ended.
/// </summary>
internal static class Load
{
    public static Task<LoadWindow> RunForAsync(int workers, TimeSpan duration, Func<ValueTask<bool>> operation, ChildProcess? server)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return RunAsync(workers, server, _ => Stopwatch.GetTimestamp() < stopAt ? operation : null);
    }

    public static Task<LoadWindow> RunAllAsync<T>(IReadOnlyList<T> items, int workers, Func<T, ValueTask<bool>> operation, ChildProcess? server)
    {
        var next = -1;
        return RunAsync(workers, server, _ =>
        {
            var index = Interlocked.Increment(ref next);
            return index < items.Count ? () => operation(items[index]) : null;
        });
    }

    private static async Task<LoadWindow> RunAsync(int workers, ChildProcess? server, Func<int, Func<ValueTask<bool>>?> nextOperation)
    {
        var latencies = new List<double>[workers];
        var errors = new int[workers];
        using var driver = Process.GetCurrentProcess();
        var cpuBefore = server?.CpuTime ?? TimeSpan.Zero;
        var driverBefore = driver.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (nextOperation(worker) is { } operation)
            {
                var begin = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                if (!ok)
                {
                    errors[worker]++;
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = (server?.CpuTime ?? TimeSpan.Zero) - cpuBefore;
        driver.Refresh();
        var driverCpu = driver.TotalProcessorTime - driverBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadWindow(all.Length, errors.Sum(), elapsed, all, cpu, driverCpu);
    }
}
