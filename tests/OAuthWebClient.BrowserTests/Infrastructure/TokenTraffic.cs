using System.Collections.Concurrent;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// What crossed the client's back-channel to the token endpoint, seen from inside the app: every form sent, and
/// the codes, verifiers, client secret and tokens in them and in the answers. The tests assert where none of it may appear.
/// </summary>
public sealed class TokenTraffic
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private readonly ConcurrentDictionary<string, byte> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _verifiers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _clientSecrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _idTokens = new(StringComparer.Ordinal);

    /// <summary>Every form sent to the token or revocation endpoint, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    /// <summary>Authorization codes redeemed (they do pass through the browser, in the callback URL).</summary>
    public IReadOnlyCollection<string> Codes => [.. _codes.Keys];

    public IReadOnlyCollection<string> Verifiers => [.. _verifiers.Keys];

    /// <summary>The client secret, and the Basic credentials built from it.</summary>
    public IReadOnlyCollection<string> ClientSecrets => [.. _clientSecrets.Keys];

    /// <summary>Access, refresh and ID tokens issued or sent.</summary>
    public IReadOnlyCollection<string> Tokens => [.. _tokens.Keys];

    /// <summary>The ID tokens among <see cref="Tokens"/>.</summary>
    public IReadOnlyCollection<string> IdTokens => [.. _idTokens.Keys];

    /// <summary>What must never reach the browser: tokens, verifiers, the client secret.</summary>
    public IReadOnlyCollection<string> BrowserSecrets => [.. Tokens, .. Verifiers, .. ClientSecrets];

    /// <summary>How many times this exact authorization code was sent to the token endpoint.</summary>
    public int RedemptionsOf(string code) =>
        _requests.Count(r => r.GetValueOrDefault("grant_type") == "authorization_code" && r.GetValueOrDefault("code") == code);

    public int Refreshes => _requests.Count(r => r.GetValueOrDefault("grant_type") == "refresh_token");

    internal void AddRequest(IReadOnlyDictionary<string, string> form)
    {
        _requests.Enqueue(form);
        Add(_codes, form.GetValueOrDefault("code"));
        Add(_verifiers, form.GetValueOrDefault("code_verifier"));
        Add(_clientSecrets, form.GetValueOrDefault("client_secret"));
        Add(_tokens, form.GetValueOrDefault("refresh_token"));
        Add(_tokens, form.GetValueOrDefault("token"));
    }

    internal void AddClientSecret(string? value) => Add(_clientSecrets, value);

    internal void AddToken(string? value) => Add(_tokens, value);

    internal void AddIdToken(string? value)
    {
        Add(_tokens, value);
        Add(_idTokens, value);
    }

    private static void Add(ConcurrentDictionary<string, byte> set, string? value)
    {
        if (value is { Length: >= 8 })
        {
            set.TryAdd(value, 0);
        }
    }
}
