namespace OAuthWebClient.Client.Events;

/// <summary>A session's tokens were refreshed (RFC 6749 §6).</summary>
public sealed class TokenRefreshedContext : SessionEventContext
{
    /// <summary>True when a new refresh token replaced the used one (RFC 9700 §4.14.2).</summary>
    public required bool Rotated { get; init; }

    /// <summary>True when this caller waited for the refresh lease another caller or instance held.</summary>
    public required bool LeaseWaited { get; init; }

    /// <summary>When the new access token expires.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
