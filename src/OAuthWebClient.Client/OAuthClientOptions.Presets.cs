namespace OAuthWebClient.Client;

public sealed partial class OAuthClientOptions
{
    /// <summary>
    /// A well-known provider's needs, filled in as defaults before this provider's configuration is bound (so any key
    /// set there still wins). Read from configuration (<c>OAuth:Preset</c> or <c>OAuth:Providers:{name}:Preset</c>).
    /// Default: <see cref="ProviderPreset.None"/>.
    /// </summary>
    public ProviderPreset Preset { get; set; }

    /// <summary>
    /// With <see cref="ProviderPreset.EntraId"/> and a multi-tenant authority (<c>common</c>, <c>organizations</c>,
    /// <c>consumers</c>): the tenant ids (<c>tid</c>, GUIDs) whose users may sign in, or <c>*</c> for any tenant. Required
    /// there: the admin of any tenant can give its users your app's roles, so <c>*</c> also needs
    /// <see cref="RoleClaim"/> set to empty. Default: none.
    /// </summary>
    public IList<string> AllowedTenants { get; set; } = [];

    /// <summary>The issuer may be a tenant template checked against each token's <c>tid</c> (<see cref="ProviderPreset.EntraId"/>).</summary>
    internal bool AllowsTenantIssuer => Preset == ProviderPreset.EntraId;

    /// <summary>Where RP-initiated logout goes when the metadata advertises no end_session_endpoint (<see cref="ProviderPreset.Auth0"/>).</summary>
    internal Uri? FallbackEndSessionEndpoint { get; set; }
}
