namespace OAuthWebClient.Client.Events;

/// <summary>The token or revocation endpoint answered (or did not): what came back, as the client read it.</summary>
public sealed class TokenResponseContext : TokenEventContext
{
    /// <summary>The HTTP status; null when there was no answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long the call took.</summary>
    public required TimeSpan Latency { get; init; }

    /// <summary>The members of the JSON answer (RFC 6749 §5.1); tokens and anything that may be a credential as secrets. Empty for revocation.</summary>
    public IReadOnlyList<ProtocolParameter> Parameters { get; init; } = [];

    /// <summary>The access token received, if any.</summary>
    public SecretValue? AccessToken { get; init; }

    /// <summary>The refresh token received, if any.</summary>
    public SecretValue? RefreshToken { get; init; }

    /// <summary>The ID token received, if any.</summary>
    public SecretValue? IdToken { get; init; }

    /// <summary>Why no tokens came; null on success (and for revocation).</summary>
    public TokenRequestFailure? Failure { get; init; }

    /// <summary>The OAuth error for <see cref="TokenRequestFailure.Rejected"/>.</summary>
    public ProtocolError? Error { get; init; }

    /// <summary>A plain reason for <see cref="TokenRequestFailure.Malformed"/> and <see cref="TokenRequestFailure.Unreachable"/>.</summary>
    public string? FailureReason { get; init; }
}
