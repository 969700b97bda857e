using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.ProofOfPossession;

namespace OAuthWebClient.Client.Tokens;

/// <summary>One back-channel call and what it belongs to: a sign-in (its transaction id) or a session (its key), for logs and events.</summary>
/// <param name="Issuer">The server's issuer: the audience of a client assertion (FAPI 2.0 §5.3.2.1).</param>
/// <param name="Provider">The configured provider the call belongs to.</param>
/// <param name="Proof">The session's DPoP key, when the tokens are (to be) bound to it (RFC 9449 §5).</param>
internal sealed record TokenCall(TokenRequestKind Kind, Uri Endpoint, HttpContext? HttpContext, string Issuer, string Provider, string? TransactionId = null, string? SessionKey = null, DPoPKey? Proof = null)
{
    public string GrantType => Kind switch
    {
        TokenRequestKind.AuthorizationCode => "authorization_code",
        TokenRequestKind.RefreshToken => "refresh_token",
        TokenRequestKind.PushedAuthorization => "pushed_authorization",
        _ => "revocation",
    };

    /// <summary>The endpoint without its query, for events.</summary>
    public Uri PlainEndpoint => new(Endpoint.GetLeftPart(UriPartial.Path));
}
