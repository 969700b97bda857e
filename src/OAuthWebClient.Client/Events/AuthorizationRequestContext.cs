namespace OAuthWebClient.Client.Events;

/// <summary>A sign-in started: the authorization request (RFC 6749 §4.1.1) the browser is about to be sent with.</summary>
public sealed class AuthorizationRequestContext : SignInEventContext
{
    /// <summary>The issuer the request goes to (remembered for the RFC 9700 §4.4 mix-up defence).</summary>
    public required string Issuer { get; init; }

    /// <summary>The authorization endpoint, without the request's parameters.</summary>
    public required Uri AuthorizationEndpoint { get; init; }

    /// <summary>Every parameter the browser carries; <c>state</c> and <c>nonce</c> as secrets. After a push: <c>client_id</c> and <c>request_uri</c> only.</summary>
    public required IReadOnlyList<ProtocolParameter> Parameters { get; init; }

    /// <summary>The parameters pushed on the back channel first (RFC 9126 §2.1), or null when the request was not pushed.</summary>
    public IReadOnlyList<ProtocolParameter>? PushedParameters { get; init; }

    /// <summary>The PKCE verifier (RFC 7636 §4.1), which never leaves the server except inside the encrypted transaction cookie.</summary>
    public required SecretValue CodeVerifier { get; init; }

    /// <summary>The local URL to return to after sign-in.</summary>
    public required string ReturnUrl { get; init; }

    /// <summary>The name of the transaction cookie written for this sign-in (it carries a fingerprint of the state, never the state).</summary>
    public required string TransactionCookie { get; init; }

    /// <summary>When this sign-in stops being valid (<see cref="OAuthClientOptions.TransactionLifetime"/>).</summary>
    public required DateTimeOffset Expires { get; init; }
}
