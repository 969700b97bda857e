namespace OAuthWebClient.Client.Providers;

/// <summary>
/// A provider's own services (its metadata, token endpoint client, ID token validator, …), registered keyed by provider
/// name: what refresh, revocation and logout use for the provider a session belongs to.
/// </summary>
internal sealed class ProviderServices(IServiceProvider services, ProviderNames names)
{
    /// <summary>The provider's name as configured; null when no such provider is configured (any more).</summary>
    public string? Canonical(string? provider) =>
        names.AreNamed ? names.Find(provider ?? OAuthClientDefaults.DefaultProvider) : OAuthClientDefaults.DefaultProvider;

    /// <summary>The service of <paramref name="provider"/>, which must be configured.</summary>
    public T Get<T>(string? provider)
        where T : notnull =>
        services.GetRequiredKeyedService<T>(Canonical(provider) ?? throw new InvalidOperationException($"No provider named \"{provider}\" is configured (OAuth:Providers)."));
}
