using Microsoft.AspNetCore.WebUtilities;

namespace OAuthWebClient.Testing;

/// <summary>
/// One call to the scripted token endpoint: the form the client posted, its Authorization header, and the
/// authorization request the code was issued for (null for an unknown code or a refresh).
/// </summary>
public sealed record ScriptedTokenRequest(IReadOnlyDictionary<string, string> Form, string? Authorization, AuthorizationRequestSeen? IssuedFor)
{
    /// <summary>The <c>DPoP</c> proof header (RFC 9449 §5), if one was sent.</summary>
    public string? DPoP { get; init; }

    public string? GrantType => Form.GetValueOrDefault("grant_type");

    public string? Code => Form.GetValueOrDefault("code");

    public string? CodeVerifier => Form.GetValueOrDefault("code_verifier");

    public static IReadOnlyDictionary<string, string> ParseForm(string? body) =>
        QueryHelpers.ParseQuery(body ?? "").ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
