namespace OAuthWebClient.Client;

/// <summary>
/// Who may refresh a session's tokens right now. Swap point: in one process the single-flight is enough;
/// across instances a short lease in Redis makes sure one refresh token is redeemed once (RFC 9700 §4.14.2).
/// </summary>
public interface IRefreshLease
{
    /// <summary>The lease, or null when another instance holds it. Dispose to release.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string sessionId, TimeSpan duration, CancellationToken cancellationToken);
}
