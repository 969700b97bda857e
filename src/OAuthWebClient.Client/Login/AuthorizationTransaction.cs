namespace OAuthWebClient.Client.Login;

/// <summary>
/// What the callback needs to finish one sign-in, kept in an encrypted cookie between the authorization
/// request and the callback (RFC 9700 §2.1: state and PKCE verifier bound to this browser).
/// </summary>
internal sealed record AuthorizationTransaction
{
    public required string State { get; init; }

    public required string CodeVerifier { get; init; }

    /// <summary>OIDC Core §3.1.2.1; null when <c>openid</c> is not requested.</summary>
    public string? Nonce { get; init; }

    /// <summary>Local URL to return to after sign-in.</summary>
    public required string ReturnUrl { get; init; }

    /// <summary>The issuer the request was sent to: RFC 9700 §4.4 mix-up defence.</summary>
    public required string Issuer { get; init; }

    /// <summary>The exact redirect_uri sent, repeated at the token endpoint (RFC 6749 §4.1.3).</summary>
    public required string RedirectUri { get; init; }

    /// <summary>The provider the sign-in was started with; only its redirect URI may complete it (RFC 9700 §4.4.2).</summary>
    public required string Provider { get; init; }

    /// <summary>The scope requested.</summary>
    public required string Scope { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The <c>max_age</c> sent, in seconds (OIDC Core §3.1.2.1): the ID token's <c>auth_time</c> is checked against it.</summary>
    public int? MaxAge { get; init; }
}
