using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Presets;

namespace OAuthWebClient.Client.Providers;

/// <summary>
/// A named provider's options: the app-wide settings of the <c>OAuth</c> section (paths, public origin, lifetimes,
/// clock rules), then <c>OAuth:Providers:{name}</c>. The provider's identity — authority, client id and secret, scope,
/// policies — is never inherited, so one provider's secret can never be sent to another.
/// </summary>
internal sealed class ProviderOptionsSetup(IServiceProvider services, IConfiguration configuration) : IConfigureNamedOptions<OAuthClientOptions>
{
    public void Configure(OAuthClientOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OAuthClientOptions options)
    {
        if (string.IsNullOrEmpty(name))
        {
            return; // the OAuth section itself, bound by AddOAuthClient
        }

        // Resolved here, not injected: the monitor depends on this setup.
        var app = services.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(Options.DefaultName);
        options.LoginPath = app.LoginPath;
        options.CallbackPath = app.CallbackPath;
        options.SignedOutCallbackPath = app.SignedOutCallbackPath;
        options.PublicOrigin = app.PublicOrigin;
        options.TransactionLifetime = app.TransactionLifetime;
        options.BackchannelTimeout = app.BackchannelTimeout;
        options.SessionLifetime = app.SessionLifetime;
        options.ClockSkew = app.ClockSkew;
        options.MaxIdTokenAge = app.MaxIdTokenAge;
        options.RefreshBeforeExpiry = app.RefreshBeforeExpiry;
        options.AssumedAccessTokenLifetime = app.AssumedAccessTokenLifetime;
        var section = configuration.GetSection($"{OAuthClientDefaults.SectionName}:{OAuthClientOptions.ProvidersKey}:{name}");
        ProviderPresets.Apply(section, options);
        SafeBinding.Bind(section, options);
        ProviderPresets.AfterBinding(options);
    }
}
