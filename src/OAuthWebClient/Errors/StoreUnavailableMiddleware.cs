using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Logout;

namespace OAuthWebClient.Errors;

/// <summary>
/// The shared store is down (<see cref="StoreUnavailableException"/>, from session validation, the callback's replay
/// check or a token read): a 503 "try again" page instead of a 500. Whatever cookie change the failed request was
/// about to make (a sign-out, a deleted transaction cookie) is dropped, so the person is still signed in when the store
/// is back. The one exception is an explicit sign-out, which still removes the session cookie. The outage itself is
/// logged once by the store (OAuthWebClient.Client.Redis), not per request.
/// </summary>
internal sealed class StoreUnavailableMiddleware(RequestDelegate next, IOptions<OAuthClientOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (StoreUnavailableException) when (!context.Response.HasStarted)
        {
            var headers = context.Response.Headers;
            foreach (var name in (string[])["Set-Cookie", "Location", "Content-Type", "Content-Length"])
            {
                headers.Remove(name);
            }

            headers.CacheControl = "no-store";
            headers.RetryAfter = "5";
            var error = AppError.StoreUnavailable(RetryUrl(context));
            if (IsSignOut(context.Request))
            {
                // Signing out must work now (a shared computer): the cookie goes; the stored tokens expire by themselves.
                DeleteSessionCookie(context);
                error = AppError.SignedOutWithoutStore();
            }

            var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
            await actionContext.ErrorPage(error).ExecuteResultAsync(actionContext);
        }
    }

    private static bool IsSignOut(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(LogoutController.LogoutPath, StringComparison.OrdinalIgnoreCase);

    private static void DeleteSessionCookie(HttpContext context)
    {
        var cookie = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(OAuthClientDefaults.SessionScheme);
        cookie.CookieManager.DeleteCookie(context, cookie.Cookie.Name!, cookie.Cookie.Build(context));
    }

    /// <summary>The same page for a GET, except the callback (its URL holds a code): sign-in starts afresh from there.</summary>
    private string RetryUrl(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            return "/";
        }

        return request.Path.StartsWithSegments(options.Value.CallbackPath, StringComparison.OrdinalIgnoreCase)
            ? SignInLink.To(options.Value, "/")
            : SignInLink.Here(request);
    }
}
