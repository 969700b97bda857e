using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;
using OAuthWebClient.Session;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Logout;

/// <summary>
/// Step 5: sign-out. Revokes the tokens (RFC 7009), forgets them, ends the cookie, then RP-initiated logout at
/// the server's end_session_endpoint when it has one (OpenID Connect RP-Initiated Logout 1.0 §2).
/// </summary>
[Route("account")]
public sealed class LogoutController(
    TokenService tokenService,
    ServerMetadataProvider metadata,
    LogoutState logoutState,
    IOptions<OAuthClientOptions> options,
    ILogger<LogoutController> logger) : Controller
{
    /// <summary>Where sign-out is posted.</summary>
    public const string LogoutPath = "/account/logout";

    private readonly OAuthClientOptions _options = options.Value;

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        var sessionId = User.GetSessionId();
        var idToken = sessionId is null ? null : (await tokenService.GetTokensAsync(sessionId, cancellationToken))?.IdToken;
        if (sessionId is not null)
        {
            await tokenService.RevokeAsync(sessionId, cancellationToken);
        }

        await HttpContext.SignOutAsync(SessionClaims.Scheme);
        var endSession = sessionId is null ? null : await TryGetEndSessionEndpointAsync(cancellationToken);
        Log.SignedOut(logger, endSession is not null);
        if (endSession is null)
        {
            return LocalRedirect("~" + _options.SignedOutCallbackPath);
        }

        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = _options.ClientId,
            ["post_logout_redirect_uri"] = RedirectUris.For(HttpContext, _options, _options.SignedOutCallbackPath),
            ["state"] = logoutState.Issue(HttpContext),
        };
        if (_options.SendIdTokenHintAtLogout && idToken is not null)
        {
            parameters["id_token_hint"] = idToken;
        }

        return Redirect(QueryHelpers.AddQueryString(endSession.AbsoluteUri, parameters));
    }

    private async Task<Uri?> TryGetEndSessionEndpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await metadata.GetAsync(cancellationToken)).EndSessionEndpoint;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
