using System.Globalization;

namespace OAuthWebClient.Benchmarks.Driver;

internal static class Format
{
    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Median and, across the rounds, min–max: <c>1.23 (1.10–1.31)</c>.</summary>
    public static string Ratio(IReadOnlyCollection<double> perRound) => Median(perRound, "0.00");

    /// <summary>Median and min–max of repeated values, with a unit: <c>812 ms (790–850)</c>.</summary>
    public static string Median(IReadOnlyCollection<double> values, string format, string unit = "") => values.Count == 1
        ? Number(values.First(), format) + unit
        : $"{Number(Stats.Median(values), format)}{unit} ({Number(values.Min(), format)}–{Number(values.Max(), format)})";

    public static string Percent(IReadOnlyCollection<double> perRound) => perRound.Count == 1
        ? Number(perRound.First() * 100, "0") + " %"
        : $"{Number(Stats.Median(perRound) * 100, "0")} % ({Number(perRound.Min() * 100, "0")}–{Number(perRound.Max() * 100, "0")} %)";

    public static string Bytes(double bytes) => Number(bytes, "0") + " B";

    public static string Megabytes(long bytes) => Number(bytes / (1024.0 * 1024), "0.0") + " MB";
}
