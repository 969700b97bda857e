namespace OAuthWebClient.FlowInspector;

/// <summary>Step 4: the token endpoint's answer (RFC 6749 §5.1 or §5.2), tokens redacted, JWTs decoded.</summary>
public sealed record TokenResponseStep
{
    public required int Status { get; init; }

    public required TimeSpan Latency { get; init; }

    public required IReadOnlyList<FlowField> Fields { get; init; }

    public DecodedJwt? IdToken { get; init; }

    public DecodedJwt? AccessToken { get; init; }

    /// <summary>Why there are no tokens: an OAuth error, or no usable answer.</summary>
    public string? Failure { get; init; }
}
