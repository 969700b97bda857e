namespace OAuthWebClient.Client.Events;

/// <summary>A session's tokens were revoked (RFC 7009) and forgotten.</summary>
public sealed class TokensRevokedContext : SessionEventContext
{
    /// <summary>True when the server has a revocation endpoint and it was called.</summary>
    public required bool RevocationEndpointCalled { get; init; }

    /// <summary>True when the server confirmed every revocation (HTTP 200).</summary>
    public required bool Confirmed { get; init; }
}
