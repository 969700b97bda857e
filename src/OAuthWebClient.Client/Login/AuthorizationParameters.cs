using System.Globalization;

namespace OAuthWebClient.Client.Login;

/// <summary>
/// The optional parameters of an authorization request, in the order they are sent: prompt (with the OIDC Core §11
/// rule for <c>offline_access</c>), max_age, acr_values, ui_locales, login_hint (OIDC Core §3.1.2.1), one
/// <c>resource</c> per indicator (RFC 8707 §2), then the configured additional parameters.
/// </summary>
internal static class AuthorizationParameters
{
    public const string OfflineAccess = "offline_access";

    public static IReadOnlyList<KeyValuePair<string, string>> For(OAuthClientOptions options, string scope, string? loginHint)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        Add(parameters, "prompt", EffectivePrompt(options, scope));
        Add(parameters, "max_age", MaxAgeSeconds(options)?.ToString(CultureInfo.InvariantCulture));
        Add(parameters, "acr_values", options.AcrValues);
        Add(parameters, "ui_locales", options.UiLocales);
        Add(parameters, "login_hint", loginHint);
        parameters.AddRange(options.Resource.Select(r => KeyValuePair.Create("resource", r.OriginalString)));
        parameters.AddRange(options.AdditionalAuthorizationParameters.Where(p => !string.IsNullOrEmpty(p.Value)));
        return parameters;
    }

    /// <summary><c>max_age</c> in whole seconds (OIDC Core §3.1.2.1), or null when not configured.</summary>
    public static int? MaxAgeSeconds(OAuthClientOptions options) => options.MaxAge is { } maxAge ? (int)maxAge.TotalSeconds : null;

    /// <summary>
    /// OIDC Core §11: a request for <c>offline_access</c> MUST carry <c>prompt=consent</c> unless other conditions
    /// for granting it apply. <see cref="OfflineAccessPrompt.Auto"/> adds it only when no prompt is configured.
    /// </summary>
    public static string? EffectivePrompt(OAuthClientOptions options, string scope)
    {
        var prompt = string.IsNullOrWhiteSpace(options.Prompt) ? null : options.Prompt.Trim();
        var offline = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(OfflineAccess, StringComparer.Ordinal);
        if (!offline)
        {
            return prompt;
        }

        return options.OfflineAccessPrompt switch
        {
            OfflineAccessPrompt.Auto when prompt is null => "consent",
            OfflineAccessPrompt.Always when prompt is null => "consent",
            OfflineAccessPrompt.Always when !prompt.Split(' ').Contains("consent", StringComparer.Ordinal) => prompt + " consent",
            _ => prompt,
        };
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parameters.Add(KeyValuePair.Create(name, value.Trim()));
        }
    }
}
