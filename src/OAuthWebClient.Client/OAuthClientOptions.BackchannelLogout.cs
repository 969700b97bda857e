namespace OAuthWebClient.Client;

/// <summary>Back-channel logout (OpenID Connect Back-Channel Logout 1.0).</summary>
public sealed partial class OAuthClientOptions
{
    /// <summary>
    /// Local path where the provider POSTs its logout tokens (§2.5), app-wide: the single provider's
    /// <c>backchannel_logout_uri</c> is <c>{origin}{BackchannelLogoutPath}</c>, a named provider's
    /// <c>{origin}{BackchannelLogoutPath}/{name}</c> (<see cref="OAuthProvider.BackchannelLogoutPath"/>), as with
    /// <see cref="CallbackPath"/>. A valid logout token ends every session it names, on every instance sharing the token
    /// store. Default: <c>/backchannel-logout</c>.
    /// </summary>
    public string BackchannelLogoutPath { get; set; } = "/backchannel-logout";
}
