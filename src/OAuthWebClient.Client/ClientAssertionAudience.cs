namespace OAuthWebClient.Client;

/// <summary>The <c>aud</c> of a client assertion (RFC 7523 §3 point 3).</summary>
public enum ClientAssertionAudience
{
    /// <summary>The server's issuer identifier (FAPI 2.0 §5.3.2.1, RFC 7523bis). The default.</summary>
    Issuer,

    /// <summary>The URL of the endpoint the assertion is sent to (OIDC Core §9), for servers that insist on it.</summary>
    Endpoint,
}
