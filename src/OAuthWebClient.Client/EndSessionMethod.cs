namespace OAuthWebClient.Client;

/// <summary>How the browser is sent to the server's <c>end_session_endpoint</c> (OpenID Connect RP-Initiated Logout 1.0 §2).</summary>
public enum EndSessionMethod
{
    /// <summary>
    /// A redirect with the parameters in the query (<see cref="SignOutResult.EndSessionUrl"/>). The default: a top-level
    /// GET navigation carries the server's <c>SameSite=Lax</c> session cookie, so the server finds and ends its session.
    /// The <c>id_token_hint</c> is then in a URL (browser history, the server's access log).
    /// </summary>
    Get,

    /// <summary>
    /// An auto-submitted form POST (<see cref="SignOutResult.EndSessionParameters"/>), which servers MUST accept (§2): the
    /// ID token stays out of URLs. But a cross-site POST carries no <c>SameSite=Lax</c> cookie, so a server that looks its
    /// session up from a Lax cookie (oidc-provider's <c>_session</c>; it refuses POST there unless the cookie is
    /// <c>SameSite=None</c>) cannot find the session it should end. A server whose session is the cookie itself (the
    /// sandbox) still ends it: the cookie's deletion is accepted on a top-level navigation. Choose it only for a server on
    /// this app's site, one that ends the session from the <c>id_token_hint</c>, or one with a <c>SameSite=None</c> session cookie.
    /// </summary>
    Post,
}
