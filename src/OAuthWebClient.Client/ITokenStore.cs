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

    /// <summary>
    /// Replaces the session's tokens only if the session still exists, atomically; false when it is gone. A refresh writes
    /// with it, so a session ended meanwhile (sign-out, back-channel logout) is not brought back by the refresh's answer.
    /// The default reads then writes — not atomic; the built-in stores override it.
    /// </summary>
    async Task<bool> ReplaceAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        if (await GetAsync(sessionId, cancellationToken) is null)
        {
            return false;
        }

        await SetAsync(sessionId, tokens, cancellationToken);
        return true;
    }

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
