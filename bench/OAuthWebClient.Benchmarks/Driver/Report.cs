using System.Globalization;
using System.Text;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>What a run found: the summary table (ratios against targets) and, per scenario, the detail behind it.</summary>
internal sealed class Report
{
    private readonly List<SummaryRow> _summary = [];
    private readonly StringBuilder _details = new();
    private readonly HashSet<int> _ran = [];
    private readonly Dictionary<int, string> _failed = [];
    private readonly Dictionary<string, double> _kept = [];

    public IReadOnlySet<int> Ran => _ran;

    public IReadOnlyDictionary<int, string> Failed => _failed;

    public IReadOnlyList<SummaryRow> Summary => _summary;

    public void Add(SummaryRow row) => _summary.Add(row);

    /// <summary>A scenario ran when it measured at least one successful operation.</summary>
    public void MarkRan(int scenario) => _ran.Add(scenario);

    public void MarkFailed(int scenario, string reason) => _failed[scenario] = reason;

    /// <summary>A measured value a later scenario compares with (scenario 8 with the CPU per login start and callback).</summary>
    public void Keep(string name, double value) => _kept[name] = value;

    public double? Kept(string name) => _kept.TryGetValue(name, out var value) ? value : null;

    public void Section(string title) => _details.AppendLine().AppendLine("### " + title).AppendLine();

    public void Line(string text = "") => _details.AppendLine(text);

    /// <summary>Per target: median over rounds of throughput, spread, latency, server CPU per operation, errors.</summary>
    public void TargetTable(IReadOnlyDictionary<string, List<LoadWindow>> windows, string unit = "req/s")
    {
        Line($"| target | median {unit} | spread (max−min)/median | p50 ms | p99 ms | server CPU µs/op | driver CPU µs/op | ops | errors |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (target, list) in windows)
        {
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {target} | {Stats.Median(list.Select(w => w.PerSecond)):0} | {Stats.Spread(list.Select(w => w.PerSecond)):P0} | {Stats.Median(list.Select(w => w.P50)):0.00} | {Stats.Median(list.Select(w => w.P99)):0.00} | {Stats.Median(list.Select(w => w.ServerCpuMicroseconds)):0} | {Stats.Median(list.Select(w => w.DriverCpuMicroseconds)):0} | {list.Sum(w => w.Operations)} | {list.Sum(w => w.Errors)} |"));
        }

        Line();
        Line("Per round, " + unit + ": " + string.Join("; ", windows.Select(w => $"{w.Key} " + string.Join(" / ", w.Value.Select(v => v.PerSecond.ToString("0", CultureInfo.InvariantCulture))))));
        Line();
    }

    /// <param name="chart">The chart's path relative to the report, linked below the table; null: none.</param>
    public string Render(MachineInfo machine, BenchOptions options, TimeSpan duration, string? chart = null)
    {
        var text = new StringBuilder();
        text.AppendLine("## Results").AppendLine();
        text.AppendLine(machine.Describe());
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Mode: {(options.Quick ? "quick" : "full")}, {options.Rounds} round(s), {options.Window.TotalSeconds:0.#} s windows after {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Connections} connections; run took {duration.TotalSeconds:0} s."));
        text.AppendLine();
        text.AppendLine("| # | scenario | measure | ours | reference | result | target | met |");
        text.AppendLine("|---|---|---|---:|---:|---:|---|---|");
        foreach (var row in _summary.OrderBy(r => r.Scenario))
        {
            text.AppendLine($"| {row.Scenario} | {row.Name} | {row.Measure} | {row.Ours} | {row.Reference} | {row.Result} | {row.Target} | {row.Met switch { true => "yes", false => "**no**", null => "—" }} |");
        }

        foreach (var (scenario, reason) in _failed.OrderBy(f => f.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | did not run | {reason.ReplaceLineEndings(" ")} | | | | | **no** |");
        }

        if (chart is not null)
        {
            text.AppendLine().AppendLine($"![The ratios of this run against their targets]({chart})");
        }

        text.AppendLine().AppendLine("## Details").Append(_details);
        return text.ToString();
    }
}
