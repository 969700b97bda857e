namespace OAuthWebClient.Client.Events;

/// <summary>A request to the token, pushed authorization or revocation endpoint is about to be sent.</summary>
public sealed class TokenRequestContext : TokenEventContext
{
    /// <summary>The form sent; the code, verifier, refresh token, token and client secret as secrets.</summary>
    public required IReadOnlyList<ProtocolParameter> Parameters { get; init; }

    /// <summary>How the client authenticates (RFC 6749 §2.3.1): <c>client_secret_basic</c>, <c>client_secret_post</c>, <c>private_key_jwt</c> or <c>none</c>.</summary>
    public required string ClientAuthentication { get; init; }

    /// <summary>The <c>private_key_jwt</c> assertion's header and claims (RFC 7523 §3), never its signature; null with another method.</summary>
    public SignedJwtView? ClientAssertion { get; init; }

    /// <summary>The DPoP proof's header and claims (RFC 9449 §4.2), never its signature; null when no proof was sent.</summary>
    public SignedJwtView? DPoPProof { get; init; }

    /// <summary>The client id sent.</summary>
    public required string ClientId { get; init; }
}
