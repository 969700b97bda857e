namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// A ratio as numbers, for the chart: the median over the rounds, their min–max, and the target it must reach
/// (<see cref="Judged"/> false: a target in brackets, shown but not judged).
/// </summary>
internal sealed record ChartBar(string Label, double Median, double Min, double Max, double? Target, bool Judged);
