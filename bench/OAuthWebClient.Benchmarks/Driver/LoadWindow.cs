namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>One measured window against one target.</summary>
internal sealed record LoadWindow(int Operations, int Errors, TimeSpan Elapsed, double[] LatenciesMs, TimeSpan ServerCpu, TimeSpan DriverCpu)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double P50 => Stats.Percentile(LatenciesMs, 0.50);

    public double P99 => Stats.Percentile(LatenciesMs, 0.99);

    /// <summary>CPU the target server process spent per operation, in microseconds (independent of the driver's own cost).</summary>
    public double ServerCpuMicroseconds => Operations == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Operations;

    /// <summary>CPU this driver spent per operation, in microseconds: the same for every target, it pulls req/s ratios towards 1.</summary>
    public double DriverCpuMicroseconds => Operations == 0 ? double.NaN : DriverCpu.TotalMicroseconds / Operations;
}
