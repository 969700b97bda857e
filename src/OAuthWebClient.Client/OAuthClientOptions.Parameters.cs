namespace OAuthWebClient.Client;

/// <summary>Optional parameters of the authorization request (OIDC Core §3.1.2.1) and of the token requests.</summary>
public sealed partial class OAuthClientOptions
{
    /// <summary>
    /// The <c>prompt</c> parameter (OIDC Core §3.1.2.1): space-separated, from <c>none</c>, <c>login</c>, <c>consent</c>,
    /// <c>select_account</c> and <c>create</c> (Initiating User Registration 1.0 §3); <c>none</c> stands alone.
    /// Default: empty (not sent, except the <c>consent</c> that <see cref="OfflineAccessPrompt"/> may add).
    /// </summary>
    public string? Prompt { get; set; }

    /// <summary>
    /// The <c>max_age</c> parameter (OIDC Core §3.1.2.1), sent in whole seconds (hh:mm:ss, e.g. <c>00:05:00</c>). When set,
    /// the ID token must carry <c>auth_time</c> and <c>auth_time + max_age</c> (plus <see cref="ClockSkew"/>) must not be in
    /// the past, or the sign-in fails (§3.1.3.7 step 11). Default: not set.
    /// </summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>The <c>acr_values</c> parameter (OIDC Core §3.1.2.1): space-separated, in order of preference. Default: not sent.</summary>
    public string? AcrValues { get; set; }

    /// <summary>The <c>ui_locales</c> parameter (OIDC Core §3.1.2.1): space-separated BCP 47 tags (<c>fr-CA fr en</c>). Default: not sent.</summary>
    public string? UiLocales { get; set; }

    /// <summary>
    /// Resource indicators (RFC 8707 §2): one or several absolute URIs without a fragment (<c>OAuth:Resource:0</c>,
    /// <c>OAuth:Resource:1</c>, …), each sent as a <c>resource</c> parameter on the authorization request and on the
    /// token requests (code and refresh). Default: none.
    /// </summary>
    public IList<Uri> Resource { get; set; } = [];

    /// <summary>
    /// Extra parameters for the authorization request, <c>OAuth:AdditionalAuthorizationParameters:{name}</c> (Auth0
    /// <c>audience</c>, Google <c>access_type</c>, Entra ID <c>domain_hint</c>). The protocol's own parameters
    /// (<c>state</c>, <c>redirect_uri</c>, <c>scope</c>, …) and those with a setting of their own are refused at start.
    /// Default: none.
    /// </summary>
    public IDictionary<string, string> AdditionalAuthorizationParameters { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Extra parameters for the token requests (code and refresh, RFC 6749 §4.1.3, §6),
    /// <c>OAuth:AdditionalTokenParameters:{name}</c>; the protocol's own (<c>grant_type</c>, <c>code</c>, …) are refused
    /// at start. Default: none.
    /// </summary>
    public IDictionary<string, string> AdditionalTokenParameters { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether <c>prompt=consent</c> accompanies a request for <c>offline_access</c>. OIDC Core §11: such a request
    /// MUST carry <c>prompt=consent</c> unless other conditions for granting it apply, so a server that follows it to the
    /// letter issues no refresh token without it. Default: <see cref="Client.OfflineAccessPrompt.Auto"/>, the generic
    /// rule (consent added when <c>offline_access</c> is requested and <see cref="Prompt"/> is empty); a provider preset
    /// may choose otherwise for a server known to grant refresh tokens without consent.
    /// </summary>
    public OfflineAccessPrompt OfflineAccessPrompt { get; set; } = OfflineAccessPrompt.Auto;
}
