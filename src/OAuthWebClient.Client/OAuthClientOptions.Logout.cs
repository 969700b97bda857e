namespace OAuthWebClient.Client;

/// <summary>RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2).</summary>
public sealed partial class OAuthClientOptions
{
    /// <summary>
    /// Send the ID token as <c>id_token_hint</c> at RP-initiated logout, beside <c>client_id</c>,
    /// <c>post_logout_redirect_uri</c> and <c>state</c>. Default: true — §2 RECOMMENDS it, and servers need it to know
    /// whose session to end without asking (some answer an end-session request without it with an empty page and keep
    /// the session). With <see cref="EndSessionMethod.Get"/> the token is then in the logout URL; it is an expired-soon
    /// credential only for the server that issued it, but set false (or choose <see cref="EndSessionMethod.Post"/>) when
    /// that URL must carry no token.
    /// </summary>
    public bool SendIdTokenHintAtLogout { get; set; } = true;

    /// <summary>
    /// How the browser is sent to the <c>end_session_endpoint</c>. Default: <see cref="EndSessionMethod.Get"/>, the one
    /// that ends the server's session when its session cookie is <c>SameSite=Lax</c> (the browser tests show a cross-site
    /// POST does not: the cookie is not sent and the session survives). See <see cref="EndSessionMethod.Post"/>.
    /// </summary>
    public EndSessionMethod EndSessionMethod { get; set; } = EndSessionMethod.Get;
}
