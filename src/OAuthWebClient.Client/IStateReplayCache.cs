namespace OAuthWebClient.Client;

/// <summary>
/// Remembers which states have been used, so a replayed callback (back button, bookmark, copied cookie) never
/// reaches the token endpoint (RFC 9700 §4.7: state is single use). Swap point: memory or Redis.
/// </summary>
public interface IStateReplayCache
{
    /// <summary>Marks the state (by fingerprint) used until <paramref name="until"/>; false if it was already used.</summary>
    Task<bool> TryConsumeAsync(string stateFingerprint, DateTimeOffset until, CancellationToken cancellationToken);
}
