namespace OAuthWebClient.Client;

/// <summary>
/// Where sessions' tokens live, keyed by session id. Swap point: in memory (one instance, the default) or Redis (many).
/// An implementation throws <see cref="StoreUnavailableException"/> when its backing store does not answer.
/// </summary>
public interface ITokenStore
{
    /// <summary>The session's tokens, or null when there are none (never stored, removed, or expired). Reading slides the expiry.</summary>
    Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the session's tokens; the entry expires with the session.</summary>
    Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken);

    /// <summary>Forgets the session's tokens.</summary>
    Task RemoveAsync(string sessionId, CancellationToken cancellationToken);
}
