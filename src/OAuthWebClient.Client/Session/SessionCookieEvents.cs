using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Session;

/// <summary>
/// Ends a session cookie whose tokens are gone (signed out elsewhere, refresh refused, store expired), so an old
/// cookie — replayed after sign-out, say — no longer signs anyone in. What it reads becomes the request's
/// <see cref="SessionTokens"/>.
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
    }

    /// <summary>A protected page while signed out starts sign-in (at <c>OAuth:LoginPath</c>, under the PathBase) and comes back to that page.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Redirect(context.Request.PathBase + SignInLink.To(options.Value, SignInLink.Here(context.Request)));
        return Task.CompletedTask;
    }
}
