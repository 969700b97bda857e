namespace OAuthWebClient.Client.Events;

/// <summary>A call through the user access token handler went to a resource server (each attempt).</summary>
public sealed class ApiCallContext : SessionEventContext
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The URL without its query.</summary>
    public required Uri Url { get; init; }

    /// <summary>The HTTP status; null when there was no answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long the attempt took.</summary>
    public required TimeSpan Latency { get; init; }

    /// <summary>The access token sent (RFC 6750 §2.1).</summary>
    public required SecretValue AccessToken { get; init; }

    /// <summary>The <c>WWW-Authenticate</c> challenge (RFC 6750 §3), or why there was no answer.</summary>
    public string? Challenge { get; init; }

    /// <summary>The DPoP proof sent with a DPoP-bound token (RFC 9449 §7.1): header and claims, never the signature.</summary>
    public SignedJwtView? DPoPProof { get; init; }

    /// <summary>True for the one retry after a refresh on 401 <c>invalid_token</c>.</summary>
    public required bool IsRetry { get; init; }
}
