using Microsoft.AspNetCore.Authentication;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Session;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Client.Callback;

/// <summary>
/// The last step of a sign-in: a new session id (no session fixation), the tokens stored under it, the cookie signed in.
/// The previous session of this browser, if any, has its tokens revoked first.
/// </summary>
internal sealed class SessionSignIn(SessionTokens sessionTokens, TokenRevoker revoker, EventDispatcher events, ILogger<SessionSignIn> logger)
{
    public async Task SignInAsync(HttpContext context, TokenSet tokens, string displayName, string transactionId, string returnUrl, CancellationToken cancellationToken)
    {
        if (SessionTokens.SessionId(context) is { } previous)
        {
            await revoker.RevokeAsync(context, previous, cancellationToken);
        }

        var sessionId = SessionClaims.NewSessionId();
        await sessionTokens.SetAsync(context, sessionId, tokens, cancellationToken);
        await context.SignInAsync(OAuthClientDefaults.SessionScheme, SessionClaims.CreatePrincipal(sessionId, displayName));
        var sessionKey = SessionClaims.Key(sessionId);
        Log.SignedIn(logger, sessionKey, tokens.Issuer);
        if (events.IsActive)
        {
            await events.RaiseAsync(new SignedInContext
            {
                HttpContext = context,
                At = events.Now,
                TransactionId = transactionId,
                Provider = tokens.Provider ?? OAuthClientDefaults.DefaultProvider,
                SessionKey = sessionKey,
                DisplayName = displayName,
                Issuer = tokens.Issuer,
                Scope = tokens.Scope,
                ReturnUrl = returnUrl,
            }, (s, c) => s.SignedIn(c));
        }
    }
}
