namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>One line of the summary table.</summary>
internal sealed record SummaryRow(int Scenario, string Name, string Measure, string Ours, string Reference, string Result, string Target, bool? Met);
