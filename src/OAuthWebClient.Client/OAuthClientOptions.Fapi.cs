namespace OAuthWebClient.Client;

public sealed partial class OAuthClientOptions
{
    /// <summary>
    /// A security profile that turns on, and checks at start, what it asks of a client. Default:
    /// <see cref="ClientProfile.Default"/>. <see cref="ClientProfile.Fapi2"/> (FAPI 2.0 Security Profile §5): pushed
    /// authorization requests required, <c>private_key_jwt</c>, DPoP-bound tokens required, the RFC 9207 <c>iss</c>
    /// parameter required, PS256/ES256 only, and no ID token in a logout URL.
    /// </summary>
    public ClientProfile Profile { get; set; } = ClientProfile.Default;

    /// <summary>
    /// Pushed authorization requests (RFC 9126). Default: <see cref="PushedAuthorizationMode.UseIfAvailable"/> — pushed
    /// when the server advertises a <c>pushed_authorization_request_endpoint</c>. The server's
    /// <c>require_pushed_authorization_requests: true</c> means <see cref="PushedAuthorizationMode.Require"/>.
    /// </summary>
    public PushedAuthorizationMode PushedAuthorization { get; set; } = PushedAuthorizationMode.UseIfAvailable;

    /// <summary>The key(s) that sign <c>private_key_jwt</c> client assertions (RFC 7523 §2.2), when <see cref="ClientAuthentication"/> is <see cref="ClientAuthenticationMethod.PrivateKeyJwt"/>.</summary>
    public ClientAssertionOptions ClientAssertion { get; set; } = new();

    /// <summary>DPoP-bound tokens (RFC 9449). Default: off.</summary>
    public DPoPOptions DPoP { get; set; } = new();

    /// <summary>
    /// Leave <c>redirect_uri</c> out of the code exchange (draft-ietf-oauth-v2-1 §4.1.3: required only when the
    /// authorization request carried one the server could not otherwise know). Default: false — sent, as RFC 6749 §4.1.3
    /// requires. Safe only with a server that follows OAuth 2.1 and where the client has exactly one registered redirect
    /// URI per provider (this client uses one per provider) — or with pushed requests, where the server bound the
    /// redirect URI to the request itself (RFC 9126 §2.4).
    /// </summary>
    public bool OmitRedirectUriAtTokenEndpoint { get; set; }

    internal bool IsFapi2 => Profile == ClientProfile.Fapi2;

    /// <summary>DPoP on: configured, or required by the profile.</summary>
    internal bool UsesDPoP => DPoP.Enabled || DPoP.Required || IsFapi2;

    /// <summary>A Bearer answer to a DPoP request is a refused downgrade (RFC 9449 §5, FAPI 2.0 §5.3.2.1).</summary>
    internal bool RequiresDPoP => DPoP.Required || IsFapi2;

    /// <summary>FAPI 2.0: the ID token never goes in a URL, so with <see cref="EndSessionMethod.Get"/> the hint is left out.</summary>
    internal bool EffectiveSendIdTokenHint => SendIdTokenHintAtLogout && !(IsFapi2 && EndSessionMethod == EndSessionMethod.Get);

    /// <summary>FAPI 2.0 Security Profile §5.4.1: PS256, ES256 (or EdDSA, which .NET does not verify).</summary>
    internal static readonly string[] Fapi2Algorithms = ["PS256", "ES256"];

    internal PushedAuthorizationMode EffectivePushedAuthorization => IsFapi2 ? PushedAuthorizationMode.Require : PushedAuthorization;
}
