namespace OAuthWebClient.Client.Presets;

/// <summary>
/// The defaults each <see cref="ProviderPreset"/> stands for, from the providers' public documentation. Applied before
/// the provider's configuration is bound, so configured keys still win.
/// </summary>
internal static class ProviderPresets
{
    /// <summary>The preset named at <c>{section}:Preset</c>, applied to <paramref name="options"/>.</summary>
    public static void Apply(IConfigurationSection section, OAuthClientOptions options)
    {
        if (Enum.TryParse<ProviderPreset>(section[nameof(OAuthClientOptions.Preset)], ignoreCase: true, out var preset))
        {
            Apply(preset, options);
        }
    }

    public static void Apply(ProviderPreset preset, OAuthClientOptions options)
    {
        options.Preset = preset;
        switch (preset)
        {
            case ProviderPreset.Keycloak:
                options.RoleClaim = "realm_access.roles";
                options.OfflineAccessPrompt = OfflineAccessPrompt.Never;
                break;
            case ProviderPreset.EntraId:
                options.Authority ??= new Uri("https://login.microsoftonline.com/common/v2.0");
                options.RoleClaim = "roles";
                options.OfflineAccessPrompt = OfflineAccessPrompt.Never;
                break;
            case ProviderPreset.Auth0:
                options.OfflineAccessPrompt = OfflineAccessPrompt.Never;
                break;
            case ProviderPreset.Okta:
                options.RoleClaim = "groups";
                options.OfflineAccessPrompt = OfflineAccessPrompt.Never;
                options.SendIdTokenHintAtLogout = true;
                break;
            case ProviderPreset.Google:
                options.Authority ??= new Uri("https://accounts.google.com");
                options.Scope = "openid profile email";
                options.RoleClaim = "";
                options.Prompt = "consent";
                options.OfflineAccessPrompt = OfflineAccessPrompt.Never;
                options.AdditionalAuthorizationParameters["access_type"] = "offline";
                break;
        }
    }

    /// <summary>Defaults that depend on the authority, after binding (the authority may have been configured).</summary>
    public static void AfterBinding(OAuthClientOptions options)
    {
        if (options.Preset == ProviderPreset.Auth0 && options.Authority is { } authority)
        {
            options.FallbackEndSessionEndpoint = new Uri(authority.AbsoluteUri.TrimEnd('/') + "/oidc/logout");
        }

        if (options.Preset == ProviderPreset.Google)
        {
            // Google answers invalid_scope to offline_access, wherever the scope came from; access_type=offline asks instead.
            options.Scope = string.Join(' ', options.Scopes.Where(s => s != "offline_access"));
        }
    }
}
