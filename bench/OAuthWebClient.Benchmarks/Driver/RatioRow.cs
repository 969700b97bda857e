namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>A summary row of a req/s ratio taken per round (ours ÷ a reference), met on its median.</summary>
internal static class RatioRow
{
    /// <param name="target">The ratio to reach (≥), or null for none.</param>
    /// <param name="judged">False: the target is shown in brackets, for comparison, and not judged.</param>
    /// <param name="chart">The bar's label on the chart; null: not on the chart.</param>
    public static SummaryRow Of(int scenario, string name, string measure, Dictionary<string, List<LoadWindow>> windows, string ours, string reference,
        double? target, bool judged = true, string? chart = null)
    {
        var perRound = Rounds.PerRound(windows, ours, reference, (a, b) => a.PerSecond / b.PerSecond);
        var median = Stats.Median(perRound);
        var targetText = target is { } t ? (judged ? "≥ " : "(≥ ") + Format.Number(t, "0.0#") + (judged ? "" : ")") : "—";
        return new SummaryRow(scenario, name, measure, PerSecond(windows[ours]), PerSecond(windows[reference]), Format.Ratio(perRound), targetText,
            judged && target is not null ? median >= target : null,
            chart is null ? null : new ChartBar(chart, median, perRound.Min(), perRound.Max(), target, judged));
    }

    public static string PerSecond(IEnumerable<LoadWindow> windows) => Format.Number(Stats.Median(windows.Select(w => w.PerSecond))) + " req/s";
}
