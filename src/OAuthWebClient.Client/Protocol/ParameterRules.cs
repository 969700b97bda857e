namespace OAuthWebClient.Client.Protocol;

/// <summary>
/// Start-up checks of the optional request parameters (<c>OAuth:Prompt</c>, <c>OAuth:MaxAge</c>, <c>OAuth:Resource</c>,
/// <c>OAuth:AdditionalAuthorizationParameters</c>, <c>OAuth:AdditionalTokenParameters</c>): each problem names its key.
/// </summary>
internal static class ParameterRules
{
    /// <summary>OIDC Core §3.1.2.1, and <c>create</c> from Initiating User Registration 1.0 §3.</summary>
    private static readonly string[] PromptValues = ["none", "login", "consent", "select_account", "create"];

    /// <summary>Set by the client on every authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1, RFC 9126 §4).</summary>
    private static readonly string[] ReservedAuthorization =
        ["response_type", "client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method", "scope", "request_uri", "request", "response_mode"];

    /// <summary>Set by the client on token requests (RFC 6749 §2.3.1, §4.1.3, §6, RFC 7636 §4.5, RFC 7523 §2.2).</summary>
    private static readonly string[] ReservedToken =
        ["grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "client_id", "client_secret", "client_assertion", "client_assertion_type", "scope"];

    private static readonly Dictionary<string, string> OwnSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prompt"] = "OAuth:Prompt",
        ["max_age"] = "OAuth:MaxAge",
        ["acr_values"] = "OAuth:AcrValues",
        ["ui_locales"] = "OAuth:UiLocales",
        ["resource"] = "OAuth:Resource",
        ["login_hint"] = "the sign-in request (SignInStartRequest.LoginHint)",
    };

    public static void Check(List<string> problems, OAuthClientOptions options)
    {
        CheckPrompt(problems, options);
        if (options.MaxAge is { } maxAge && (maxAge < TimeSpan.Zero || maxAge.Ticks % TimeSpan.TicksPerSecond != 0 || maxAge.TotalSeconds > int.MaxValue))
        {
            problems.Add($"OAuth:MaxAge must be a whole number of seconds, zero or more (it is {maxAge}); max_age is sent in seconds (OIDC Core §3.1.2.1).");
        }

        for (var i = 0; i < options.Resource.Count; i++)
        {
            // RFC 8707 §2: an absolute URI, without a fragment.
            if (options.Resource[i] is not { IsAbsoluteUri: true } resource || resource.OriginalString.Contains('#', StringComparison.Ordinal))
            {
                problems.Add($"OAuth:Resource:{i} must be an absolute URI without a fragment (RFC 8707 §2) (it is \"{options.Resource[i]?.OriginalString}\").");
            }
        }

        CheckAdditional(problems, "OAuth:AdditionalAuthorizationParameters", options.AdditionalAuthorizationParameters, ReservedAuthorization, OwnSettings);
        CheckAdditional(problems, "OAuth:AdditionalTokenParameters", options.AdditionalTokenParameters, ReservedToken,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["resource"] = "OAuth:Resource" });
    }

    private static void CheckPrompt(List<string> problems, OAuthClientOptions options)
    {
        var values = (options.Prompt ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (values.FirstOrDefault(v => !PromptValues.Contains(v, StringComparer.Ordinal)) is { } unknown)
        {
            problems.Add($"OAuth:Prompt has \"{unknown}\", which is not one of: {string.Join(", ", PromptValues)} (OIDC Core §3.1.2.1).");
        }

        if (values.Contains("none", StringComparer.Ordinal) && values.Length > 1)
        {
            problems.Add("OAuth:Prompt combines none with other values, which OIDC Core §3.1.2.1 forbids.");
        }

        if (values.Contains("none", StringComparer.Ordinal) && options.OfflineAccessPrompt == OfflineAccessPrompt.Always)
        {
            problems.Add("OAuth:OfflineAccessPrompt is Always, which adds prompt=consent, but OAuth:Prompt is none (OIDC Core §3.1.2.1, §11).");
        }
    }

    private static void CheckAdditional(List<string> problems, string key, IDictionary<string, string> parameters, string[] reserved, Dictionary<string, string> ownSettings)
    {
        foreach (var name in parameters.Keys)
        {
            if (reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{key}:{name} is reserved: the client sets {name.ToLowerInvariant()} itself, it cannot be configured this way.");
            }
            else if (ownSettings.TryGetValue(name, out var setting))
            {
                problems.Add($"{key}:{name} cannot be set this way: it comes from {setting}.");
            }
        }
    }
}
