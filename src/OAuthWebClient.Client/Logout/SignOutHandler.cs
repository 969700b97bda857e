using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Client.Providers;
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
    ProviderServices providers,
    LogoutState logoutState,
    EventDispatcher events,
    ILogger<SignOutHandler> logger)
{
    public async Task<SignOutResult> SignOutAsync(HttpContext context, bool endServerSession, CancellationToken cancellationToken)
    {
        var sessionId = SessionTokens.SessionId(context);

        // The logout goes to the provider the session signed in with.
        var tokens = sessionId is null ? null : await sessionTokens.GetAsync(context, sessionId, cancellationToken);
        var provider = tokens is null ? null : providers.Canonical(tokens.Provider);
        var options = provider is null ? null : providers.Get<IOptions<OAuthClientOptions>>(provider).Value;
        var idToken = options is { EffectiveSendIdTokenHint: true } ? tokens!.IdToken : null;
        if (sessionId is not null)
        {
            await revoker.RevokeAsync(context, sessionId, cancellationToken);
        }

        await context.SignOutAsync(OAuthClientDefaults.SessionScheme);
        var endSession = options is null || !endServerSession ? null : (await providers.Get<ServerMetadataProvider>(provider).TryGetAsync(cancellationToken))?.EndSessionEndpoint;
        Log.SignedOut(logger, endSession is not null);
        if (sessionId is not null && events.IsActive)
        {
            await events.RaiseAsync(new SignedOutContext { HttpContext = context, At = events.Now, SessionKey = SessionClaims.Key(sessionId), EndsServerSession = endSession is not null }, (s, c) => s.SignedOut(c));
        }

        if (endSession is null || options is null)
        {
            return new SignOutResult { HadSession = sessionId is not null };
        }

        // §2: id_token_hint (RECOMMENDED) beside client_id, so the server knows whose session to end without asking.
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = options.ClientId,
            ["post_logout_redirect_uri"] = RedirectUris.For(context, options, options.SignedOutCallbackPath),
            ["state"] = logoutState.Issue(context),
        };
        if (idToken is not null)
        {
            parameters["id_token_hint"] = idToken;
        }

        var get = options.EndSessionMethod == EndSessionMethod.Get;
        return new SignOutResult
        {
            HadSession = true,
            EndSessionEndpoint = endSession,
            EndSessionParameters = parameters,
            EndSessionMethod = options.EndSessionMethod,
            EndSessionUrl = get ? new Uri(QueryHelpers.AddQueryString(endSession.AbsoluteUri, parameters.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))) : null,
        };
    }

    public bool ConfirmSignedOut(HttpContext context)
    {
        var state = context.Request.Query["state"] is { Count: 1 } values ? values[0] : null;
        return logoutState.Confirm(context, state);
    }
}
