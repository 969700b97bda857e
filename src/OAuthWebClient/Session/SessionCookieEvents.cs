using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using OAuthWebClient.Login;
using OAuthWebClient.OAuth;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Session;

/// <summary>
/// Ends a session cookie whose tokens are gone (signed out elsewhere, refresh refused, store expired), so an old
/// cookie — replayed after sign-out, say — no longer signs anyone in.
/// </summary>
public sealed class SessionCookieEvents(ITokenStore store, RequestTokenCache requestCache) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = context.Principal?.GetSessionId();
        var tokens = sessionId is null ? null : await store.GetAsync(sessionId, context.HttpContext.RequestAborted);
        if (sessionId is not null)
        {
            requestCache.Set(sessionId, tokens);
        }

        if (tokens is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionClaims.Scheme);
        }
    }

    /// <summary>A protected page while signed out starts sign-in and comes back to that page.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<OAuthClientOptions>>().Value;
        context.Response.Redirect(context.Request.PathBase + SignInLink.To(options, SignInLink.Here(context.Request)));
        return Task.CompletedTask;
    }
}
