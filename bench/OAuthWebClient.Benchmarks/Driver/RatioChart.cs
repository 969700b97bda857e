using System.Globalization;
using System.Security;
using System.Text;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The run's ratios as a hand-written SVG: per scenario, one horizontal bar per ratio (the median over the rounds,
/// a whisker from min to max) and its target as a black mark (dashed when it is in brackets, not judged).
/// Green: met; red: missed; grey: not judged.
/// </summary>
internal static class RatioChart
{
    private const int Width = 1100, LabelRight = 330, PlotLeft = 340, PlotRight = 820, ValueLeft = 830;
    private const int Top = 64, BarHeight = 18, RowHeight = 26, HeadingHeight = 28;

    public static string Render(IReadOnlyList<SummaryRow> rows, string subtitle)
    {
        var bars = rows.Where(r => r.Bar is not null).OrderBy(r => r.Scenario).ToList();
        var scale = Scale(bars.Select(r => r.Bar!));
        double X(double value) => PlotLeft + (Math.Clamp(double.IsNaN(value) ? 0 : value, 0, scale) / scale * (PlotRight - PlotLeft));
        var groups = bars.GroupBy(r => (r.Scenario, r.Name)).ToList();
        var height = Top + groups.Count * HeadingHeight + bars.Count * RowHeight + 56;

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">"""));
        svg.AppendLine(Invariant($"""<rect width="{Width}" height="{height}" fill="white"/>"""));
        svg.AppendLine("""<text x="10" y="22" font-size="16" font-weight="bold">OAuthWebClient: ratios within one run (median of rounds, whisker min–max)</text>""");
        svg.AppendLine(Invariant($"""<text x="10" y="40" fill="#555">{Escape(subtitle)}</text>"""));
        for (var tick = 0.0; tick <= scale + 1e-9; tick += 0.25)
        {
            var x = X(tick);
            var parity = Math.Abs(tick - 1) < 1e-9;
            svg.AppendLine(Invariant($"""<line x1="{x:0.#}" y1="{Top - 8}" x2="{x:0.#}" y2="{height - 48}" stroke="{(parity ? "#888" : "#e3e3e3")}" stroke-width="{(parity ? 1.5 : 1)}"/>"""));
            svg.AppendLine(Invariant($"""<text x="{x:0.#}" y="{Top - 12}" text-anchor="middle" fill="#555">{tick:0.##}</text>"""));
        }

        var y = Top;
        foreach (var group in groups)
        {
            svg.AppendLine(Invariant($"""<text x="10" y="{y + 18}" font-weight="bold">{group.Key.Scenario}. {Escape(group.Key.Name)}</text>"""));
            y += HeadingHeight;
            foreach (var row in group)
            {
                Bar(svg, row, row.Bar!, y, X);
                y += RowHeight;
            }
        }

        Legend(svg, height - 20);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, SummaryRow row, ChartBar bar, int y, Func<double, double> x)
    {
        var color = row.Met switch { true => "#2e7d32", false => "#c62828", null => "#8a8a8a" };
        var middle = y + (BarHeight / 2.0);
        svg.AppendLine(Invariant($"""<text x="{LabelRight}" y="{middle + 4:0.#}" text-anchor="end">{Escape(bar.Label)}</text>"""));
        svg.AppendLine(Invariant($"""<rect x="{PlotLeft}" y="{y}" width="{x(bar.Median) - PlotLeft:0.#}" height="{BarHeight}" fill="{color}" fill-opacity="0.85"/>"""));
        svg.AppendLine(Invariant($"""<path d="M{x(bar.Min):0.#} {middle:0.#}H{x(bar.Max):0.#}M{x(bar.Min):0.#} {middle - 4:0.#}v8M{x(bar.Max):0.#} {middle - 4:0.#}v8" stroke="#222" fill="none"/>"""));
        if (bar.Target is { } target)
        {
            svg.AppendLine(Invariant($"""<line x1="{x(target):0.#}" y1="{y - 3}" x2="{x(target):0.#}" y2="{y + BarHeight + 3}" stroke="black" stroke-width="3"{(bar.Judged ? "" : " stroke-dasharray=\"3 2\"")}/>"""));
        }

        var targetText = row.Target == "—" ? "" : ", target " + row.Target;
        svg.AppendLine(Invariant($"""<text x="{ValueLeft}" y="{middle + 4:0.#}">{Escape(row.Result + targetText)}</text>"""));
    }

    private static void Legend(StringBuilder svg, int y)
    {
        (string Color, string Text)[] items = [("#2e7d32", "target met"), ("#c62828", "target missed"), ("#8a8a8a", "not judged (target in brackets)")];
        var x = 10;
        foreach (var (color, text) in items)
        {
            svg.AppendLine(Invariant($"""<rect x="{x}" y="{y - 10}" width="14" height="12" fill="{color}" fill-opacity="0.85"/><text x="{x + 20}" y="{y}">{text}</text>"""));
            x += 40 + (text.Length * 7);
        }

        svg.AppendLine(Invariant($"""<line x1="{x}" y1="{y - 12}" x2="{x}" y2="{y + 2}" stroke="black" stroke-width="3"/><text x="{x + 8}" y="{y}">target (dashed: not judged)</text>"""));
    }

    /// <summary>The axis runs from 0 to a multiple of 0.25 past every value and target (at least 1.25, so parity shows).</summary>
    private static double Scale(IEnumerable<ChartBar> bars)
    {
        var largest = bars.SelectMany(b => new[] { b.Max, b.Median, b.Target ?? 0 }).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        return Math.Ceiling(Math.Max(1.25, largest * 1.05) * 4) / 4;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
