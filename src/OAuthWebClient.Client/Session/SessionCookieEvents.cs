using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Session;

/// <summary>
/// Ends a session cookie whose tokens are gone (signed out elsewhere, refresh refused, store expired), so an old
/// cookie — replayed after sign-out, say — no longer signs anyone in. What it reads becomes the request's
/// <see cref="SessionTokens"/>, and the claims stored with the session (name, email, roles) become the request's principal —
/// from that same read, so they cost no store access and no cookie bytes.
/// </summary>
internal sealed class SessionCookieEvents(SessionTokens sessionTokens, IOptions<OAuthClientOptions> options) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = context.Principal?.GetSessionId();
        var tokens = sessionId is null ? null : await sessionTokens.GetAsync(context.HttpContext, sessionId, context.HttpContext.RequestAborted);
        if (tokens is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(OAuthClientDefaults.SessionScheme);
        }
        else if (tokens.User is { } user)
        {
            // ShouldRenew stays false: a sliding renewal re-issues the ticket read from the cookie, not this principal.
            context.ReplacePrincipal(SessionClaims.Restore(sessionId!, user, context.Principal!.Identity?.Name));
        }
    }

    /// <summary>
    /// Signed in without the role a page requires: 403 here, no redirect (a redirect to the login page would loop, the
    /// person is signed in already); the app renders the status as it likes.
    /// </summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>A protected page while signed out starts sign-in (at <c>OAuth:LoginPath</c>, under the PathBase) and comes back to that page.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Redirect(context.Request.PathBase + SignInLink.To(options.Value, SignInLink.Here(context.Request)));
        return Task.CompletedTask;
    }
}
