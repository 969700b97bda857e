namespace OAuthWebClient.Client;

/// <summary>
/// What a well-known provider needs beyond the standards, filled in by <see cref="OAuthClientOptions.Preset"/>. Each is a
/// default: a key set in configuration still wins. docs/providers.md says what to register at each.
/// </summary>
public enum ProviderPreset
{
    /// <summary>A standards-compliant server: nothing assumed.</summary>
    None,

    /// <summary>
    /// Keycloak: roles from <c>realm_access.roles</c>; refresh tokens for <c>offline_access</c> without a consent prompt.
    /// </summary>
    Keycloak,

    /// <summary>
    /// Microsoft Entra ID (v2.0 endpoints): roles from <c>roles</c>; no consent prompt needed for refresh tokens; with a
    /// multi-tenant authority (<c>common</c>, <c>organizations</c>, <c>consumers</c>) the metadata's issuer is the template
    /// <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>, and each ID token's <c>iss</c> must be that template filled
    /// with the token's own <c>tid</c>, which must be in <see cref="OAuthClientOptions.AllowedTenants"/>. Default authority:
    /// <c>https://login.microsoftonline.com/common/v2.0</c>.
    /// </summary>
    EntraId,

    /// <summary>
    /// Auth0: no consent prompt needed for refresh tokens; roles only through a namespaced claim you add with an Action
    /// (set <see cref="OAuthClientOptions.RoleClaim"/> to it); an API token needs the <c>audience</c> parameter
    /// (<see cref="OAuthClientOptions.AdditionalAuthorizationParameters"/>); logout at <c>{Authority}oidc/logout</c> when the
    /// metadata advertises no end_session_endpoint.
    /// </summary>
    Auth0,

    /// <summary>Okta: roles from a <c>groups</c> claim; <c>id_token_hint</c> at logout (Okta requires it).</summary>
    Okta,

    /// <summary>
    /// Google: authority <c>https://accounts.google.com</c>; Google refuses the <c>offline_access</c> scope and issues a
    /// refresh token only with <c>access_type=offline</c> and <c>prompt=consent</c>, so the scope is
    /// <c>openid profile email</c> and those two parameters are sent; no roles.
    /// </summary>
    Google,
}
