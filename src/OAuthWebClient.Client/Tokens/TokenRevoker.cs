using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Providers;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.Tokens;

/// <summary>Revokes a session's tokens where the server supports it (RFC 7009), then forgets them.</summary>
/// <remarks>The tokens go back to the provider that issued them, whichever provider the request is about.</remarks>
internal sealed class TokenRevoker(SessionTokens sessionTokens, ProviderServices providers, EventDispatcher events)
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

        // A provider no longer configured cannot be asked; its tokens are forgotten all the same.
        var provider = providers.Canonical(tokens.Provider);
        var metadata = provider is null ? null : await providers.Get<ServerMetadataProvider>(provider).TryGetAsync(cancellationToken);
        var endpoint = metadata?.RevocationEndpoint;
        var confirmed = endpoint is not null;
        if (endpoint is not null)
        {
            var call = new TokenCall(TokenRequestKind.Revocation, endpoint, context, metadata!.Issuer, provider!, SessionKey: SessionClaims.Key(sessionId));
            var tokenEndpoint = providers.Get<TokenEndpointClient>(provider);
            var advertised = metadata!.RevocationEndpointAuthMethodsSupported;

            // RFC 7009 §2.1: revoking the refresh token first also invalidates tokens issued from it at many servers.
            if (tokens.RefreshToken is not null)
            {
                confirmed &= await tokenEndpoint.RevokeAsync(call, tokens.RefreshToken, "refresh_token", advertised, cancellationToken);
            }

            confirmed &= await tokenEndpoint.RevokeAsync(call, tokens.AccessToken, "access_token", advertised, cancellationToken);
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
