using System.Globalization;
using System.Text.RegularExpressions;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// The refresh token grants a standalone sandbox issued, read from its console output (event RefreshTokenGrantIssued):
/// per authorization — one per sign-in, so one per client session — the times they were issued.
/// </summary>
public static partial class SandboxRefreshGrants
{
    public static IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>> Parse(string sandboxOutput)
    {
        ArgumentNullException.ThrowIfNull(sandboxOutput);
        return GrantRegex().Matches(sandboxOutput)
            .GroupBy(m => m.Groups["authorization"].Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DateTimeOffset>)g
                .Select(m => DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
                .Order().ToList());
    }

    [GeneratedRegex(@"Refresh token grant issued to client \S+ for authorization (?<authorization>\S+) at (?<at>\S+);")]
    private static partial Regex GrantRegex();
}
