using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>With <c>--candidate</c>: the candidate build's ratios, beside ours', against the same references.</summary>
internal static class CandidateRows
{
    public const string Name = "candidate";

    /// <param name="measure">What is measured, before ", candidate ÷ reference" (e.g. "req/s").</param>
    public static void Add(Report report, int scenario, string title, Dictionary<string, List<LoadWindow>> windows, string measure, (string Reference, double Target)[] references, string candidate = Name)
    {
        if (!windows.ContainsKey(candidate))
        {
            return;
        }

        foreach (var (reference, target) in references)
        {
            report.Add(RatioRow.Of(scenario, title, $"{measure}, {candidate} ÷ {reference}", windows, candidate, reference, target, judged: false));
        }
    }
}
