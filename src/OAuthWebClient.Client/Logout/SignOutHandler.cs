using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Client.Session;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Client.Logout;

/// <summary>
/// Step 5: sign-out. Revokes the tokens (RFC 7009), forgets them, ends the cookie, then builds the RP-initiated logout
/// request for the server's end_session_endpoint when it has one (OpenID Connect RP-Initiated Logout 1.0 §2).
/// </summary>
internal sealed class SignOutHandler(
    SessionTokens sessionTokens,
    TokenRevoker revoker,
    ServerMetadataProvider metadata,
    LogoutState logoutState,
    EventDispatcher events,
    IOptions<OAuthClientOptions> options,
    ILogger<SignOutHandler> logger)
{
    private readonly OAuthClientOptions _options = options.Value;

    public async Task<SignOutResult> SignOutAsync(HttpContext context, bool endServerSession, CancellationToken cancellationToken)
    {
        var sessionId = SessionTokens.SessionId(context);
        var idToken = sessionId is null || !_options.SendIdTokenHintAtLogout ? null : (await sessionTokens.GetAsync(context, sessionId, cancellationToken))?.IdToken;
        if (sessionId is not null)
        {
            await revoker.RevokeAsync(context, sessionId, cancellationToken);
        }

        await context.SignOutAsync(OAuthClientDefaults.SessionScheme);
        var endSession = sessionId is null || !endServerSession ? null : (await metadata.TryGetAsync(cancellationToken))?.EndSessionEndpoint;
        Log.SignedOut(logger, endSession is not null);
        if (sessionId is not null && events.IsActive)
        {
            await events.RaiseAsync(new SignedOutContext { HttpContext = context, At = events.Now, SessionKey = SessionClaims.Key(sessionId), EndsServerSession = endSession is not null }, (s, c) => s.SignedOut(c));
        }

        if (endSession is null)
        {
            return new SignOutResult { HadSession = sessionId is not null };
        }

        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = _options.ClientId,
            ["post_logout_redirect_uri"] = RedirectUris.For(context, _options, _options.SignedOutCallbackPath),
            ["state"] = logoutState.Issue(context),
        };
        if (idToken is not null)
        {
            parameters["id_token_hint"] = idToken;
        }

        return new SignOutResult { HadSession = true, EndSessionUrl = new Uri(QueryHelpers.AddQueryString(endSession.AbsoluteUri, parameters)) };
    }

    public bool ConfirmSignedOut(HttpContext context)
    {
        var state = context.Request.Query["state"] is { Count: 1 } values ? values[0] : null;
        return logoutState.Confirm(context, state);
    }
}
