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

    /// <summary>
    /// Forgets every session a back-channel logout token names (OpenID Connect Back-Channel Logout 1.0 §2.7): with
    /// <paramref name="providerSessionId"/>, the sessions whose <see cref="TokenSet.Issuer"/> and
    /// <see cref="TokenSet.ProviderSessionId"/> are these (and whose <see cref="TokenSet.Subject"/> is
    /// <paramref name="subject"/>, when given); with the subject only, every session of that issuer and subject. Never a
    /// session of another issuer. The store keeps an index from both to its sessions, consistent with
    /// <see cref="SetAsync"/> and <see cref="RemoveAsync"/>; a session whose tokens are gone is signed out at its next request.
    /// </summary>
    /// <returns>How many sessions were forgotten.</returns>
    Task<int> RemoveByProviderSessionAsync(string issuer, string? providerSessionId, string? subject, CancellationToken cancellationToken);
}
