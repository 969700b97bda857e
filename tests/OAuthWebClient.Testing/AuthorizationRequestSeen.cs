using Microsoft.AspNetCore.WebUtilities;

namespace OAuthWebClient.Testing;

/// <summary>
/// The authorization request the client sent the browser to (the <c>Location</c> of <c>/account/login</c>), as the
/// authorization server would read it: what a test needs to answer it with a callback.
/// </summary>
public sealed record AuthorizationRequestSeen(Uri Uri, string State, string? Nonce, string CodeChallenge, string CodeChallengeMethod, string RedirectUri, string Scope, string ClientId)
{
    public static AuthorizationRequestSeen Parse(Uri authorizationRequest)
    {
        ArgumentNullException.ThrowIfNull(authorizationRequest);
        return FromParameters(authorizationRequest, QueryHelpers.ParseQuery(authorizationRequest.Query));
    }

    /// <summary>The request from its parameters: the URL's query, or what was pushed (RFC 9126) for its request_uri.</summary>
    public static AuthorizationRequestSeen FromParameters(Uri authorizationRequest, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string Required(string name) => query.TryGetValue(name, out var values) && values.Count == 1
            ? values[0]!
            : throw new InvalidOperationException($"The authorization request has no single \"{name}\": {authorizationRequest}");

        return new AuthorizationRequestSeen(
            authorizationRequest,
            Required("state"),
            query.TryGetValue("nonce", out var nonce) ? nonce[0] : null,
            Required("code_challenge"),
            Required("code_challenge_method"),
            Required("redirect_uri"),
            Required("scope"),
            Required("client_id"));
    }
}
