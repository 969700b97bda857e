using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.Client.Protocol;

/// <summary>Checks <see cref="OAuthClientOptions"/> at start and reports every problem at once, in plain words.</summary>
/// <remarks>
/// The unnamed options are the <c>OAuth</c> section: the app-wide settings, and the single provider's when no
/// <c>OAuth:Providers</c> are named. A named provider's options are checked when first used (and at start, by
/// <see cref="Providers.ProviderValidation"/>), with its keys named <c>OAuth:Providers:{name}:…</c>.
/// </remarks>
internal sealed class OAuthClientOptionsValidator(ProviderNames names) : IValidateOptions<OAuthClientOptions>
{
    private static readonly TimeSpan MaxTransactionLifetime = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, OAuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var appWide = string.IsNullOrEmpty(name);
        if (appWide)
        {
            CheckApp(problems, options);
            problems.AddRange(names.Problems);
        }

        if (!appWide || !names.AreNamed)
        {
            var provider = new List<string>();
            CheckProvider(provider, options);
            problems.AddRange(appWide ? provider : provider.Select(p => p.Replace("OAuth:", $"OAuth:Providers:{name}:", StringComparison.Ordinal)));
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckProvider(List<string> problems, OAuthClientOptions options)
    {
        if (options.Authority is null && !options.HasManualEndpoints)
        {
            problems.Add(
                "OAuth:Authority is not set (nor OAuth:Endpoints:AuthorizationEndpoint): set it to your provider's issuer, with " +
                "OAuth:ClientId and OAuth:ClientSecret. The embedded sandbox is used instead only in Development or with Sandbox:Enabled=true.");
        }

        CheckAbsolute(problems, "OAuth:Authority", options.Authority);
        CheckAbsolute(problems, "OAuth:MetadataAddress", options.MetadataAddress);
        CheckEndpoints(problems, options);

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add("OAuth:ClientId is empty: set the client identifier from your registration at the authorization server.");
        }

        if (options.ClientAuthentication == ClientAuthenticationMethod.ClientSecretPost && string.IsNullOrEmpty(options.ClientSecret))
        {
            problems.Add("OAuth:ClientAuthentication is ClientSecretPost but OAuth:ClientSecret is empty.");
        }

        FapiRules.Check(problems, options);

        if (options.Scopes.Count == 0)
        {
            problems.Add("OAuth:Scope is empty: list the scopes to request, separated by spaces (e.g. \"openid profile offline_access photos\").");
        }

        if (options.EffectiveIdTokenSigningAlgorithms.Any(a => a.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("OAuth:IdTokenSigningAlgorithms lists \"none\": unsigned ID tokens can be forged by anyone (OIDC Core §3.1.3.7).");
        }

        CheckPositive(problems, "OAuth:AssumedAccessTokenLifetime", options.AssumedAccessTokenLifetime);
        CheckPositive(problems, "OAuth:MaxIdTokenAge", options.MaxIdTokenAge);
        if (options.ClockSkew < TimeSpan.Zero || options.RefreshBeforeExpiry < TimeSpan.Zero)
        {
            problems.Add("OAuth:ClockSkew and OAuth:RefreshBeforeExpiry cannot be negative.");
        }

        ParameterRules.Check(problems, options);
        Claims.ClaimRules.Check(problems, options);
        Presets.PresetRules.Check(problems, options);
    }

    private static void CheckApp(List<string> problems, OAuthClientOptions options)
    {
        CheckLocalPath(problems, "OAuth:LoginPath", options.LoginPath);
        CheckLocalPath(problems, "OAuth:CallbackPath", options.CallbackPath);
        CheckLocalPath(problems, "OAuth:SignedOutCallbackPath", options.SignedOutCallbackPath);
        CheckLocalPath(problems, "OAuth:BackchannelLogoutPath", options.BackchannelLogoutPath);

        if (options.TransactionLifetime <= TimeSpan.Zero || options.TransactionLifetime > MaxTransactionLifetime)
        {
            problems.Add($"OAuth:TransactionLifetime must be between 0 and 10 minutes (it is {options.TransactionLifetime}).");
        }

        CheckPositive(problems, "OAuth:BackchannelTimeout", options.BackchannelTimeout);
        CheckPositive(problems, "OAuth:SessionLifetime", options.SessionLifetime);
        CheckAbsolute(problems, "OAuth:PublicOrigin", options.PublicOrigin);
    }

    private static void CheckEndpoints(List<string> problems, OAuthClientOptions options)
    {
        var endpoints = options.Endpoints;
        CheckAbsolute(problems, "OAuth:Endpoints:AuthorizationEndpoint", endpoints.AuthorizationEndpoint);
        CheckAbsolute(problems, "OAuth:Endpoints:TokenEndpoint", endpoints.TokenEndpoint);
        CheckAbsolute(problems, "OAuth:Endpoints:JwksUri", endpoints.JwksUri);
        CheckAbsolute(problems, "OAuth:Endpoints:RevocationEndpoint", endpoints.RevocationEndpoint);
        CheckAbsolute(problems, "OAuth:Endpoints:EndSessionEndpoint", endpoints.EndSessionEndpoint);
        CheckAbsolute(problems, "OAuth:Endpoints:PushedAuthorizationRequestEndpoint", endpoints.PushedAuthorizationRequestEndpoint);
        if (!options.HasManualEndpoints)
        {
            if (endpoints.TokenEndpoint is not null)
            {
                problems.Add("OAuth:Endpoints:TokenEndpoint is set without OAuth:Endpoints:AuthorizationEndpoint.");
            }

            return;
        }

        if (endpoints.TokenEndpoint is null)
        {
            problems.Add("OAuth:Endpoints:AuthorizationEndpoint is set but OAuth:Endpoints:TokenEndpoint is not.");
        }

        if (string.IsNullOrWhiteSpace(endpoints.Issuer) && options.Authority is null)
        {
            problems.Add("OAuth:Endpoints:Issuer (or OAuth:Authority) is needed with hand-configured endpoints: it is checked against responses.");
        }

        if (options.RequestsOpenId && endpoints.JwksUri is null)
        {
            problems.Add("OAuth:Scope requests openid but OAuth:Endpoints:JwksUri is not set: ID tokens could not be verified.");
        }
    }

    private static void CheckAbsolute(List<string> problems, string key, Uri? value)
    {
        if (value is null)
        {
            return;
        }

        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{key} must be an absolute http(s) URL (it is \"{value.OriginalString}\").");
        }
        else if (!string.IsNullOrEmpty(value.Fragment))
        {
            problems.Add($"{key} must not contain a fragment (#...).");
        }
    }

    private static void CheckLocalPath(List<string> problems, string key, string path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"{key} must be a local path starting with a single '/' and without a query (it is \"{path}\").");
        }
    }

    private static void CheckPositive(List<string> problems, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} must be positive (it is {value}).");
        }
    }
}
