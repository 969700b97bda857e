using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Tokens;

/// <summary>One back-channel call and what it belongs to: a sign-in (its transaction id) or a session (its key), for logs and events.</summary>
internal sealed record TokenCall(TokenRequestKind Kind, Uri Endpoint, HttpContext? HttpContext, string? TransactionId = null, string? SessionKey = null)
{
    public string GrantType => Kind switch
    {
        TokenRequestKind.AuthorizationCode => "authorization_code",
        TokenRequestKind.RefreshToken => "refresh_token",
        _ => "revocation",
    };

    /// <summary>The endpoint without its query, for events.</summary>
    public Uri PlainEndpoint => new(Endpoint.GetLeftPart(UriPartial.Path));
}
