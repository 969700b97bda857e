using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Providers;

/// <summary>The providers with their options; the one place that turns a provider name into its settings.</summary>
internal sealed class ProviderRegistry(ProviderNames names, IOptionsMonitor<OAuthClientOptions> monitor) : IOAuthProviders
{
    private IReadOnlyList<OAuthProvider>? _all;

    public IReadOnlyList<OAuthProvider> All => _all ??= [.. names.All.Select(Describe)];

    public OAuthProvider? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return names.Find(name) is { } found ? All.First(p => p.Name == found) : null;
    }

    /// <summary>The provider a sign-in names, or the only one when none is named; null when that does not identify one.</summary>
    public OAuthProvider? ForSignIn(string? name) => name is null ? (All.Count == 1 ? All[0] : null) : Find(name);

    /// <summary>The provider whose redirect URI has this local path (PathBase excluded); null for none.</summary>
    public OAuthProvider? ForCallback(PathString path) =>
        All.FirstOrDefault(p => path.Equals(p.CallbackPath, StringComparison.OrdinalIgnoreCase));

    /// <summary>A provider's options: the <c>OAuth</c> section itself for the single provider.</summary>
    public OAuthClientOptions Options(string? name) =>
        names.AreNamed ? monitor.Get(names.Find(name ?? "") ?? throw UnknownProvider(name)) : monitor.Get(Microsoft.Extensions.Options.Options.DefaultName);

    private OAuthProvider Describe(string name)
    {
        var app = monitor.Get(Microsoft.Extensions.Options.Options.DefaultName);
        var options = Options(name);
        return new OAuthProvider
        {
            Name = name,
            DisplayName = string.IsNullOrWhiteSpace(options.DisplayName) ? name : options.DisplayName,
            CallbackPath = PerProvider(app.CallbackPath, name),
            BackchannelLogoutPath = PerProvider(app.BackchannelLogoutPath, name),
        };
    }

    /// <summary>The provider a back-channel logout names (<c>{BackchannelLogoutPath}/{name}</c>), or the single one at the bare path.</summary>
    public OAuthProvider? ForBackchannelLogout(string? name) => name is null ? (names.AreNamed ? null : All[0]) : Find(name);

    /// <summary>An app-wide path with the provider's name as its last segment, for named providers.</summary>
    private string PerProvider(string path, string name) => names.AreNamed ? path.TrimEnd('/') + "/" + name : path;

    private static InvalidOperationException UnknownProvider(string? name) =>
        new($"No provider named \"{name}\" is configured (OAuth:Providers).");
}
