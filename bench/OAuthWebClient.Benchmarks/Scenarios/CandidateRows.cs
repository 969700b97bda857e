using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>With <c>--candidate</c>: the candidate build's ratios, beside ours', against the same references.</summary>
internal static class CandidateRows
{
    public const string Name = "candidate";

    public static void Add(Report report, int scenario, string title, Dictionary<string, List<LoadWindow>> windows, string unit, (string Reference, string Target)[] references, string candidate = Name)
    {
        if (!windows.ContainsKey(candidate))
        {
            return;
        }

        foreach (var (reference, target) in references)
        {
            var ratio = Rounds.PerRound(windows, candidate, reference, (a, b) => a.PerSecond / b.PerSecond);
            report.Add(new SummaryRow(scenario, title, $"{unit}, {candidate} ÷ {reference}",
                Format.Number(Stats.Median(windows[candidate].Select(w => w.PerSecond))) + " " + unit,
                Format.Number(Stats.Median(windows[reference].Select(w => w.PerSecond))) + " " + unit,
                Format.Ratio(ratio), $"({target})", null));
        }
    }
}
