using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.Tokens;

/// <summary>Revokes a session's tokens where the server supports it (RFC 7009), then forgets them.</summary>
internal sealed class TokenRevoker(SessionTokens sessionTokens, ServerMetadataProvider metadata, TokenEndpointClient tokenEndpoint, EventDispatcher events)
{
    /// <summary>Never throws for the server's sake: a sign-out must complete even when the server does not answer.</summary>
    public async Task RevokeAsync(HttpContext? context, string sessionId, CancellationToken cancellationToken)
    {
        var tokens = await sessionTokens.ReadFreshAsync(context, sessionId, cancellationToken);
        await sessionTokens.RemoveAsync(context, sessionId, cancellationToken);
        if (tokens is null)
        {
            return;
        }

        var endpoint = (await metadata.TryGetAsync(cancellationToken))?.RevocationEndpoint;
        var confirmed = endpoint is not null;
        if (endpoint is not null)
        {
            var call = new TokenCall(TokenRequestKind.Revocation, endpoint, context, SessionKey: SessionClaims.Key(sessionId));

            // RFC 7009 §2.1: revoking the refresh token first also invalidates tokens issued from it at many servers.
            if (tokens.RefreshToken is not null)
            {
                confirmed &= await tokenEndpoint.RevokeAsync(call, tokens.RefreshToken, "refresh_token", cancellationToken);
            }

            confirmed &= await tokenEndpoint.RevokeAsync(call, tokens.AccessToken, "access_token", cancellationToken);
        }

        if (events.IsActive)
        {
            await events.RaiseAsync(new TokensRevokedContext
            {
                HttpContext = context,
                At = events.Now,
                SessionKey = SessionClaims.Key(sessionId),
                RevocationEndpointCalled = endpoint is not null,
                Confirmed = confirmed,
            }, (s, c) => s.TokensRevoked(c));
        }
    }
}
