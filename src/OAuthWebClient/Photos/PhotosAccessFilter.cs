using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OAuthWebClient.Errors;
using OAuthWebClient.Session;

namespace OAuthWebClient.Photos;

/// <summary>
/// Turns a failed photos API call into what the person should see: sign in again (once), a "try again" page
/// with the session kept, or a plain explanation — never a 500.
/// </summary>
public sealed class PhotosAccessFilter : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var here = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        if (context.Exception is PhotosAccessException { Failure: PhotosAccessFailure.SessionMissing or PhotosAccessFailure.ReauthenticationRequired })
        {
            // The tokens are gone: end the cookie too, then start one new sign-in that returns here.
            await http.SignOutAsync(SessionClaims.Scheme);
            context.Result = new RedirectResult("/account/login?returnUrl=" + Uri.EscapeDataString(here));
        }
        else
        {
            var error = context.Exception switch
            {
                PhotosAccessException { Failure: PhotosAccessFailure.TemporarilyUnavailable } => AppError.TemporarilyUnavailable(here),
                PhotosAccessException { Failure: PhotosAccessFailure.InsufficientScope } => PhotosErrors.PermissionMissing(),
                PhotosAccessException { Failure: PhotosAccessFailure.TokenRejected } => PhotosErrors.TokenRejected(),
                HttpRequestException or TaskCanceledException or System.Text.Json.JsonException => PhotosErrors.Unreachable(here),
                _ => null,
            };
            context.Result = error is null ? null : context.ErrorPage(error);
        }

        context.ExceptionHandled = context.Result is not null;
    }
}
