namespace OAuthWebClient.FlowInspector;

/// <summary>One refresh, API call, revocation or revisited callback since the sign-in.</summary>
public sealed record FlowActivity
{
    public required DateTimeOffset At { get; init; }

    public required FlowActivityKind Kind { get; init; }

    /// <summary>e.g. <c>GET /photos</c> or <c>POST /connect/token (refresh_token)</c>.</summary>
    public required string Request { get; init; }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? Status { get; init; }

    public TimeSpan? Latency { get; init; }

    /// <summary>Whether a token changed: rotated refresh token, or a new access token since the previous API call.</summary>
    public string? Rotation { get; init; }

    public IReadOnlyList<FlowField> Details { get; init; } = [];
}
