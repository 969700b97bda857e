using System.Globalization;
using System.Runtime.InteropServices;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>The machine and its load when the run started and ended (a shared machine: state the noise).</summary>
internal sealed class MachineInfo
{
    private readonly string _loadAtStart = LoadAverage();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public static string CpuModel =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} cores ({CpuModel}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.#} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}. " +
        $"Load average at start {_loadAtStart}, at end {LoadAverage()}. Started {_started:yyyy-MM-dd HH:mm} UTC.");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
