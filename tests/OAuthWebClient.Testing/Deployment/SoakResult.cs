using System.Globalization;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>The soak's figures: what the caller asserts on and prints.</summary>
public sealed record SoakResult(IReadOnlyList<SoakSessionResult> Sessions, TimeSpan Duration)
{
    public int Requests => Sessions.Sum(s => s.Requests);

    /// <summary>Every 5xx, as "status path".</summary>
    public IReadOnlyList<string> ServerErrors => Sessions.SelectMany(s => s.ServerErrors).ToList();

    /// <summary>Times a signed-in session was sent to sign in again, plus sessions not signed in at the end.</summary>
    public int LostSessions => Sessions.Sum(s => s.LostSessions + (s.SignedInAtEnd ? 0 : 1));

    public TimeSpan Percentile(double p)
    {
        var sorted = Sessions.SelectMany(s => s.Latencies).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString()
    {
        var statuses = Sessions.SelectMany(s => s.Statuses).GroupBy(p => p.Key).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}×{g.Sum(p => p.Value)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{Sessions.Count} sessions, {Duration.TotalSeconds:0} s: {Requests} requests ({string.Join(", ", statuses)}), " +
            $"{ServerErrors.Count} × 5xx, {LostSessions} lost{(Sessions.Sum(s => s.Retries) is > 0 and var retried ? $", {retried} retried on the other instance by the driver" : "")}; " +
            $"latency p50 {Percentile(50).TotalMilliseconds:0} ms, p95 {Percentile(95).TotalMilliseconds:0} ms, p99 {Percentile(99).TotalMilliseconds:0} ms");
    }
}
