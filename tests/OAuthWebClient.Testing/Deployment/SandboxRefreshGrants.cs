using System.Globalization;
using System.Text.RegularExpressions;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// The refresh token grants a standalone sandbox issued, read from its console output (event RefreshTokenGrantIssued):
/// per authorization — one per sign-in, so one per client session — the times they were issued.
/// </summary>
public static partial class SandboxRefreshGrants
{
    /// <summary>Per authorization, the grants' times in order; with <paramref name="since"/>, only the grants issued from then on.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> Parse(string sandboxOutput, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(sandboxOutput);
        return GrantRegex().Matches(sandboxOutput)
            .Select(m => (Authorization: m.Groups["authorization"].Value, At: DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)))
            .Where(grant => since is null || grant.At >= since)
            .GroupBy(grant => grant.Authorization)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DateTimeOffset>)g.Select(grant => grant.At).Order().ToList());
    }

    /// <summary>The time between each authorization's successive grants, all authorizations together.</summary>
    public static IReadOnlyList<TimeSpan> Gaps(IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return [.. grants.Values.SelectMany(times => times.Zip(times.Skip(1), (a, b) => b - a))];
    }

    /// <summary>"N refresh grants for M authorizations; gaps between a session's refreshes a–b s", for a test's output.</summary>
    public static string Describe(IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> grants)
    {
        var gaps = Gaps(grants);
        return string.Create(CultureInfo.InvariantCulture, $"refresh grants: {grants.Values.Sum(t => t.Count)} for {grants.Count} authorizations; " +
            $"gaps between a session's refreshes {(gaps.Count == 0 ? "none" : $"{gaps.Min().TotalSeconds:0.0}–{gaps.Max().TotalSeconds:0.0} s")}");
    }

    [GeneratedRegex(@"Refresh token grant issued to client \S+ for authorization (?<authorization>\S+) at (?<at>\S+);")]
    private static partial Regex GrantRegex();
}
