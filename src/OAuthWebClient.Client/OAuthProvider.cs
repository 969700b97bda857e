namespace OAuthWebClient.Client;

/// <summary>
/// One authorization server the app signs people in with: <c>OAuth:Providers:{Name}</c>, or the single <c>OAuth</c>
/// section as the provider named <see cref="OAuthClientDefaults.DefaultProvider"/>.
/// </summary>
public sealed record OAuthProvider
{
    /// <summary>The provider's name: its configuration key, <c>?provider=</c> value and redirect URI segment.</summary>
    public required string Name { get; init; }

    /// <summary>What a person sees on the sign-in button (<see cref="OAuthClientOptions.DisplayName"/>; default: the name).</summary>
    public required string DisplayName { get; init; }

    /// <summary>
    /// The local path of its redirect URI: <c>{CallbackPath}/{Name}</c> for a named provider, <c>{CallbackPath}</c> for the
    /// single provider. Distinct redirect URIs let the client tell providers apart when a server sends no <c>iss</c>
    /// (RFC 9700 §4.4.2).
    /// </summary>
    public required string CallbackPath { get; init; }

    /// <summary>
    /// The local path of its back-channel logout URI (OpenID Connect Back-Channel Logout 1.0 §2.2), the
    /// <c>backchannel_logout_uri</c> to register with the origin in front: <c>{BackchannelLogoutPath}/{Name}</c> for a named
    /// provider, <c>{BackchannelLogoutPath}</c> for the single provider (<see cref="OAuthClientOptions.BackchannelLogoutPath"/>).
    /// </summary>
    public required string BackchannelLogoutPath { get; init; }
}
