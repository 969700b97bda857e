using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Login;
using OAuthWebClient.OAuth;
using OAuthWebClient.ScaleOut;

namespace OAuthWebClient.Errors;

/// <summary>
/// The shared store is down (<see cref="StoreUnavailableException"/>, from session validation, the callback's replay
/// check or a token read): a 503 "try again" page instead of a 500. The session cookie is kept — whatever the failed
/// request was about to set (a sign-out, a deleted transaction cookie) is dropped — so the person is still signed
/// in when the store is back. The outage itself is logged once by <see cref="RedisAvailability"/>, not per request.
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
            var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
            await actionContext.ErrorPage(AppError.StoreUnavailable(RetryUrl(context))).ExecuteResultAsync(actionContext);
        }
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
            ? SignInLink.To(options.Value, ReturnUrl.Home)
            : SignInLink.Here(request);
    }
}
