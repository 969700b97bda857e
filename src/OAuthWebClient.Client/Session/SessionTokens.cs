namespace OAuthWebClient.Client.Session;

/// <summary>
/// A request's session and its tokens, loaded once when the session cookie is authenticated
/// (<see cref="SessionCookieEvents"/>) and kept up to date by every write in the request — so a page that validates the
/// session, reads the token and calls an API reads the store once. Refreshes read the store themselves: a peer's new
/// tokens must be seen.
/// </summary>
internal sealed class SessionTokens(ITokenStore store)
{
    /// <summary>The session id of the signed-in user of this request; null when not signed in.</summary>
    public static string? SessionId(HttpContext context) => context.User.GetSessionId();

    public async Task<TokenSet?> GetAsync(HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        if (context.Features.Get<Loaded>() is { } loaded && loaded.SessionId == sessionId)
        {
            return loaded.Tokens;
        }

        var tokens = await store.GetAsync(sessionId, cancellationToken);
        Remember(context, sessionId, tokens);
        return tokens;
    }

    /// <summary>Reads the store itself (a peer may have written since the request began) and makes it the request's view.</summary>
    public async Task<TokenSet?> ReadFreshAsync(HttpContext? context, string sessionId, CancellationToken cancellationToken)
    {
        var tokens = await store.GetAsync(sessionId, cancellationToken);
        Remember(context, sessionId, tokens);
        return tokens;
    }

    public async Task SetAsync(HttpContext? context, string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        await store.SetAsync(sessionId, tokens, cancellationToken);
        Remember(context, sessionId, tokens);
    }

    /// <summary>Writes only if the session still exists (<see cref="ITokenStore.ReplaceAsync"/>); false when it ended meanwhile.</summary>
    public async Task<bool> ReplaceAsync(HttpContext? context, string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        var replaced = await store.ReplaceAsync(sessionId, tokens, cancellationToken);
        Remember(context, sessionId, replaced ? tokens : null);
        return replaced;
    }

    public async Task RemoveAsync(HttpContext? context, string sessionId, CancellationToken cancellationToken)
    {
        await store.RemoveAsync(sessionId, cancellationToken);
        Remember(context, sessionId, null);
    }

    /// <summary>What a refresh just read or wrote becomes this request's view.</summary>
    public static void Remember(HttpContext? context, string sessionId, TokenSet? tokens) =>
        context?.Features.Set(new Loaded(sessionId, tokens));

    private sealed record Loaded(string SessionId, TokenSet? Tokens);
}
