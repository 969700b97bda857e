namespace OAuthWebClient.Tokens;

/// <summary>
/// The session's tokens as read once in this request (cookie validation, controller, bearer handler), so one request
/// reads the store once. Refreshes read the store itself: a peer's new tokens must be seen.
/// </summary>
public sealed class RequestTokenCache(IHttpContextAccessor httpContextAccessor)
{
    private static readonly object Key = new();

    public bool TryGet(string sessionId, out TokenSet? tokens)
    {
        tokens = null;
        if (httpContextAccessor.HttpContext?.Items.TryGetValue(Key, out var value) == true && value is Entry entry && entry.SessionId == sessionId)
        {
            tokens = entry.Tokens;
            return true;
        }

        return false;
    }

    public void Set(string sessionId, TokenSet? tokens)
    {
        if (httpContextAccessor.HttpContext is { } context)
        {
            context.Items[Key] = new Entry(sessionId, tokens);
        }
    }

    private sealed record Entry(string SessionId, TokenSet? Tokens);
}
