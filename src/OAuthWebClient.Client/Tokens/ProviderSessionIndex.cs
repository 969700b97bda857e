namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// The in-memory store's index for back-channel logout: from (issuer, <c>sid</c>) and from (issuer, <c>sub</c>) to the
/// sessions holding them. Not thread-safe: <see cref="InMemoryTokenStore"/> changes it under one lock with the sessions.
/// </summary>
internal sealed class ProviderSessionIndex
{
    private readonly Dictionary<(string Issuer, bool IsSid, string Value), HashSet<string>> _sessions = [];

    public void Add(string sessionId, TokenSet tokens)
    {
        foreach (var key in Keys(tokens))
        {
            if (!_sessions.TryGetValue(key, out var ids))
            {
                _sessions[key] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(sessionId);
        }
    }

    public void Remove(string sessionId, TokenSet tokens)
    {
        foreach (var key in Keys(tokens))
        {
            if (_sessions.TryGetValue(key, out var ids) && ids.Remove(sessionId) && ids.Count == 0)
            {
                _sessions.Remove(key);
            }
        }
    }

    /// <summary>The sessions indexed under the <c>sid</c> when given, else under the <c>sub</c>; a copy.</summary>
    public string[] Find(string issuer, string? providerSessionId, string? subject)
    {
        var key = providerSessionId is not null ? (issuer, true, providerSessionId) : (issuer, false, subject ?? "");
        return subject is null && providerSessionId is null ? [] : _sessions.TryGetValue(key, out var ids) ? [.. ids] : [];
    }

    private static IEnumerable<(string, bool, string)> Keys(TokenSet tokens)
    {
        if (tokens.ProviderSessionId is { } sid)
        {
            yield return (tokens.Issuer, true, sid);
        }

        if (tokens.Subject is { } sub)
        {
            yield return (tokens.Issuer, false, sub);
        }
    }
}
