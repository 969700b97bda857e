using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Login;

/// <summary>Builds the authorization request URL (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1).</summary>
internal static class AuthorizationRequest
{
    /// <param name="optional">The optional parameters (<see cref="AuthorizationParameters.For"/>), sent after the protocol's own.</param>
    public static string BuildUrl(Uri authorizationEndpoint, string clientId, AuthorizationTransaction transaction, IReadOnlyList<KeyValuePair<string, string>>? optional = null) =>
        // RFC 6749 §3.1: the endpoint may carry its own query, which must be kept.
        QueryHelpers.AddQueryString(authorizationEndpoint.AbsoluteUri, Entries(clientId, transaction, optional).Select(e => KeyValuePair.Create(e.Name, (string?)e.Value)));

    /// <summary>The parameters to push (RFC 9126 §2.1): the same as in the URL.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(string clientId, AuthorizationTransaction transaction, IReadOnlyList<KeyValuePair<string, string>>? optional = null) =>
        Entries(clientId, transaction, optional).Select(e => KeyValuePair.Create(e.Name, e.Value));

    /// <summary>RFC 9126 §4: after a push, the browser carries only <c>client_id</c> and <c>request_uri</c>.</summary>
    public static string BuildPushedUrl(Uri authorizationEndpoint, string clientId, string requestUri) =>
        QueryHelpers.AddQueryString(authorizationEndpoint.AbsoluteUri, [KeyValuePair.Create("client_id", (string?)clientId), KeyValuePair.Create("request_uri", (string?)requestUri)]);

    /// <summary>The same parameters for observers: state and nonce as secrets.</summary>
    public static IReadOnlyList<ProtocolParameter> Parameters(string clientId, AuthorizationTransaction transaction, IReadOnlyList<KeyValuePair<string, string>>? optional = null) =>
        [.. Entries(clientId, transaction, optional).Select(e => e.Secret ? ProtocolParameter.Hidden(e.Name, e.Value) : ProtocolParameter.Plain(e.Name, e.Value))];

    private static IEnumerable<(string Name, string Value, bool Secret)> Entries(string clientId, AuthorizationTransaction transaction, IReadOnlyList<KeyValuePair<string, string>>? optional)
    {
        yield return ("response_type", "code", false);
        yield return ("client_id", clientId, false);
        yield return ("redirect_uri", transaction.RedirectUri, false);
        yield return ("scope", transaction.Scope, false);
        yield return ("state", transaction.State, true);
        yield return ("code_challenge", Pkce.ComputeChallenge(transaction.CodeVerifier), false);
        yield return ("code_challenge_method", Pkce.Method, false);
        if (transaction.Nonce is not null)
        {
            yield return ("nonce", transaction.Nonce, true);
        }

        foreach (var (name, value) in optional ?? [])
        {
            yield return (name, value, false);
        }
    }
}
