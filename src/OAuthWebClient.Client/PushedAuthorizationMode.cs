namespace OAuthWebClient.Client;

/// <summary>When the authorization request is pushed to the server first (RFC 9126).</summary>
public enum PushedAuthorizationMode
{
    /// <summary>Never: the parameters go in the front-channel URL.</summary>
    Disable,

    /// <summary>When the server advertises a <c>pushed_authorization_request_endpoint</c>. The default.</summary>
    UseIfAvailable,

    /// <summary>Always; a sign-in fails closed when the server has no such endpoint, or the push fails.</summary>
    Require,
}
