namespace OAuthWebClient.Client;

/// <summary>After sign-out: where the browser goes next. The library emits no HTML; the app sends the browser on.</summary>
public sealed record SignOutResult
{
    /// <summary>
    /// With <see cref="EndSessionMethod.Get"/>: the server's end_session_endpoint with the logout parameters in the query
    /// (RP-Initiated Logout 1.0 §2), to redirect to. Null when there is none, and with <see cref="EndSessionMethod.Post"/>
    /// (the parameters, the ID token among them, must not be put in a URL then).
    /// </summary>
    public Uri? EndSessionUrl { get; init; }

    /// <summary>The server's end_session_endpoint without the parameters; null when the server's session is not to be ended here.</summary>
    public Uri? EndSessionEndpoint { get; init; }

    /// <summary>
    /// The logout parameters (<c>client_id</c>, <c>post_logout_redirect_uri</c>, <c>state</c>, <c>id_token_hint</c>),
    /// for the form an app renders for <see cref="EndSessionMethod.Post"/>: auto-submitted to <see cref="EndSessionEndpoint"/>,
    /// served with <c>Cache-Control: no-store</c> and <c>Referrer-Policy: no-referrer</c>, never logged. Empty without an endpoint.
    /// </summary>
    public IReadOnlyDictionary<string, string> EndSessionParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>How to send the browser to <see cref="EndSessionEndpoint"/>: the provider's <see cref="OAuthClientOptions.EndSessionMethod"/>.</summary>
    public EndSessionMethod EndSessionMethod { get; init; }

    /// <summary>True when a session was signed out (there was a session cookie).</summary>
    public bool HadSession { get; init; }
}
