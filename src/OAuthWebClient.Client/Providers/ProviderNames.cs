using System.Text.RegularExpressions;

namespace OAuthWebClient.Client.Providers;

/// <summary>
/// Which providers exist: the children of <c>OAuth:Providers</c> and those added in code, or else the single
/// <see cref="OAuthClientDefaults.DefaultProvider"/> that the <c>OAuth</c> section describes. Reads configuration only
/// (no options), so options validation can depend on it.
/// </summary>
internal sealed partial class ProviderNames
{
    private readonly Lazy<(string[] Names, bool Named, string[] Problems)> _names;

    public ProviderNames(IConfiguration configuration, IEnumerable<ProviderRegistration> registrations) =>
        _names = new(() => Read(configuration, registrations));

    /// <summary>The names, configuration first (sorted, as configuration keys are), then those added in code.</summary>
    public IReadOnlyList<string> All => _names.Value.Names;

    /// <summary>True when providers are named; false for the single <c>OAuth</c> section.</summary>
    public bool AreNamed => _names.Value.Named;

    /// <summary>Names that cannot be a path segment of a redirect URI.</summary>
    public IReadOnlyList<string> Problems => _names.Value.Problems;

    /// <summary>The configured name as spelled in configuration (names compare case-insensitively); null when unknown.</summary>
    public string? Find(string name) => All.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static (string[], bool, string[]) Read(IConfiguration configuration, IEnumerable<ProviderRegistration> registrations)
    {
        var configured = configuration.GetSection($"{OAuthClientDefaults.SectionName}:{OAuthClientOptions.ProvidersKey}").GetChildren().Select(c => c.Key);
        var names = configured.Concat(registrations.Select(r => r.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var problems = names.Where(n => !NameRegex().IsMatch(n))
            .Select(n => $"OAuth:Providers:{n} is not a usable provider name: use 1 to 32 letters, digits, '-' or '_' (it becomes part of the redirect URI).")
            .ToArray();
        return names.Length == 0 ? ([OAuthClientDefaults.DefaultProvider], false, []) : (names, true, problems);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex NameRegex();
}
