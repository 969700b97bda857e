namespace OAuthWebClient.Tokens;

/// <summary>Where sessions' tokens live, keyed by session id. Swap point: in memory (one instance) or Redis (many).</summary>
public interface ITokenStore
{
    Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the session's tokens; the entry expires with the session.</summary>
    Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken);

    Task RemoveAsync(string sessionId, CancellationToken cancellationToken);
}
