namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>One line of the summary table; <paramref name="Bar"/>, when given, is its ratio on the run's chart.</summary>
internal sealed record SummaryRow(int Scenario, string Name, string Measure, string Ours, string Reference, string Result, string Target, bool? Met, ChartBar? Bar = null);
