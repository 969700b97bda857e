using Microsoft.Extensions.Primitives;
using OAuthWebClient.Login;

namespace OAuthWebClient.FlowInspector;

/// <summary>Step 1: the authorization request the browser was redirected with (RFC 6749 §4.1.1, RFC 7636 §4.3).</summary>
public sealed record AuthorizationRequestStep
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The authorization endpoint, without the query.</summary>
    public required string Endpoint { get; init; }

    public required IReadOnlyList<FlowField> Parameters { get; init; }

    /// <summary>The code_challenge as sent: public by design, shown in full.</summary>
    public string? CodeChallenge { get; init; }

    /// <summary>The code_verifier kept in the transaction cookie: its first 4 characters and its length.</summary>
    public string? CodeVerifier { get; init; }

    /// <summary>BASE64URL(SHA256(ASCII(code_verifier))) computed here again (RFC 7636 §4.2).</summary>
    public string? ComputedChallenge { get; init; }

    /// <summary>Where the client kept state, verifier and nonce until the callback.</summary>
    public string? TransactionCookie { get; init; }

    public string? ReturnUrl { get; init; }

    internal static AuthorizationRequestStep Create(Uri location, IReadOnlyDictionary<string, StringValues> query, AuthorizationTransaction? transaction, string? cookieName, DateTimeOffset at)
    {
        var challenge = query.TryGetValue("code_challenge", out var c) ? c.ToString() : null;
        return new AuthorizationRequestStep
        {
            At = at,
            Endpoint = location.GetLeftPart(UriPartial.Path),
            Parameters = [.. query.Select(p => Describe(p.Key, p.Value.ToString()))],
            CodeChallenge = challenge,
            CodeVerifier = transaction is null ? null : FlowRedaction.Prefix(transaction.CodeVerifier, 4),
            ComputedChallenge = transaction is null ? null : Pkce.ComputeChallenge(transaction.CodeVerifier),
            TransactionCookie = cookieName,
            ReturnUrl = transaction?.ReturnUrl,
        };
    }

    private static FlowField Describe(string name, string value) => name switch
    {
        "response_type" => new(name, value, "\"code\": the authorization code flow (RFC 6749 §4.1.1)."),
        "client_id" => new(name, value, "This client's registration at the server."),
        "redirect_uri" => new(name, value, "Where the server sends the browser back; must match the registration exactly (RFC 9700 §4.1.1)."),
        "scope" => new(name, value, "What the client asks to be allowed (RFC 6749 §3.3)."),
        "state" => new(name, FlowRedaction.Prefix(value), "Random and bound to this browser: the callback must return it unchanged (RFC 6749 §10.12)."),
        "nonce" => new(name, FlowRedaction.Prefix(value), "Random; must come back inside the ID token (OIDC Core §3.1.2.1)."),
        "code_challenge" => new(name, value, "BASE64URL(SHA256(code_verifier)): public by design, shown in full (RFC 7636 §4.2)."),
        "code_challenge_method" => new(name, value, "S256 only; \"plain\" would expose the verifier (RFC 9700 §2.1.1)."),
        _ => new(name, value),
    };
}
