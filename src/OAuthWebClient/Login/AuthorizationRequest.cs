using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Login;

/// <summary>Builds the authorization request URL (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1).</summary>
internal static class AuthorizationRequest
{
    public static string BuildUrl(Uri authorizationEndpoint, string clientId, AuthorizationTransaction transaction)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = transaction.RedirectUri,
            ["scope"] = transaction.Scope,
            ["state"] = transaction.State,
            ["code_challenge"] = Pkce.ComputeChallenge(transaction.CodeVerifier),
            ["code_challenge_method"] = Pkce.Method,
        };
        if (transaction.Nonce is not null)
        {
            parameters["nonce"] = transaction.Nonce;
        }

        // RFC 6749 §3.1: the endpoint may carry its own query, which must be kept.
        return QueryHelpers.AddQueryString(authorizationEndpoint.AbsoluteUri, parameters);
    }
}
