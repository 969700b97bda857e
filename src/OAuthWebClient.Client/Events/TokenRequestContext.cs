namespace OAuthWebClient.Client.Events;

/// <summary>A request to the token or revocation endpoint is about to be sent.</summary>
public sealed class TokenRequestContext : TokenEventContext
{
    /// <summary>The form sent; the code, verifier, refresh token, token and client secret as secrets.</summary>
    public required IReadOnlyList<ProtocolParameter> Parameters { get; init; }

    /// <summary>How the client authenticates (RFC 6749 §2.3.1): <c>client_secret_basic</c>, <c>client_secret_post</c> or <c>none</c>.</summary>
    public required string ClientAuthentication { get; init; }

    /// <summary>The client id sent.</summary>
    public required string ClientId { get; init; }
}
