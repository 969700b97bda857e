using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Errors;
using OAuthWebClient.Login;

namespace OAuthWebClient.Photos;

/// <summary>
/// Turns a failed photos API call (<see cref="UserAccessTokenException"/> from the library's token handler, or the
/// HTTP failures of <see cref="PhotosApiClient"/>) into what the person should see: sign in again (once), a step-up
/// sign-in asking for the missing scope (once), a "try again" page with the session kept, or a plain explanation —
/// never a 500.
/// </summary>
public sealed class PhotosAccessFilter(
    ISignInService signIn,
    IUserTokenService tokens,
    StepUpScopes stepUpScopes,
    IOptions<OAuthClientOptions> options,
    ILogger<PhotosAccessFilter> logger) : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var here = SignInLink.Here(http.Request);
        if (context.Exception is UserAccessTokenException { Failure: UserTokenFailure.SessionMissing or UserTokenFailure.ReauthenticationRequired })
        {
            // The tokens are gone: end the cookie too, then start one new sign-in that returns here.
            await signIn.SignOutAsync(http, endServerSession: false, http.RequestAborted);
            context.Result = SignIn(SignInLink.To(options.Value, here));
        }
        else if (context.Exception is UserAccessTokenException { Failure: UserTokenFailure.InvalidToken } && http.User.Identity?.IsAuthenticated == true)
        {
            await SignInAgainOnceAsync(context, here);
        }
        else if (context.Exception is UserAccessTokenException { Failure: UserTokenFailure.InsufficientScope, RequiredScope: { Length: > 0 } scope } &&
            !await AlreadyGrantedAsync(http, scope))
        {
            // RFC 6750 §3.1: insufficient_scope is not cured by a refresh; ask the server for the missing scope.
            context.Result = SignIn(stepUpScopes.Link(options.Value, here, scope));
        }
        else
        {
            var error = context.Exception switch
            {
                UserAccessTokenException { Failure: UserTokenFailure.TemporarilyUnavailable } => AppError.TemporarilyUnavailable(here),
                UserAccessTokenException { Failure: UserTokenFailure.InsufficientScope } => PhotosErrors.PermissionMissing(),
                UserAccessTokenException { Failure: UserTokenFailure.TokenRejected or UserTokenFailure.InvalidToken } => PhotosErrors.TokenRejected(),
                // ExecutionRejectedException: the resilience pipeline gave up (total timeout, open circuit).
                // IOException: the body was cut short or the connection reset after the headers (HttpIOException).
                HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException or Polly.ExecutionRejectedException => PhotosErrors.Unreachable(here),
                _ => null,
            };
            context.Result = error is null ? null : context.ErrorPage(error);
        }

        context.ExceptionHandled = context.Result is not null;
    }

    /// <summary>
    /// RFC 6750 §3.1: even the refreshed token is invalid_token, so only a new sign-in can bring tokens the API takes.
    /// Local sign-out: the tokens are revoked and dropped; the server's session stays, so signing in again is quick.
    /// If this browser was sent round for the same reason a moment ago, another round would loop: explain instead.
    /// </summary>
    private async Task SignInAgainOnceAsync(ExceptionContext context, string here)
    {
        var http = context.HttpContext;
        if (ReauthenticationMarker.IsSet(http, options.Value))
        {
            Log.TokenRefusedAfterSignIn(logger);
            context.Result = context.ErrorPage(PhotosErrors.TokenRejected());
            return;
        }

        Log.TokenRefusedAfterRefresh(logger);
        await signIn.SignOutAsync(http, endServerSession: false, http.RequestAborted);
        ReauthenticationMarker.Set(http, options.Value);
        context.Result = SignIn(SignInLink.To(options.Value, here));
    }

    /// <summary>A redirect to start one sign-in (PathBase in front).</summary>
    private static LocalRedirectResult SignIn(string link) => new("~" + link);

    /// <summary>If the session already holds the scope, another step-up would loop: show the explanation instead.</summary>
    private async Task<bool> AlreadyGrantedAsync(HttpContext http, string scope) =>
        (await tokens.GetAccessTokenAsync(http, http.RequestAborted)).Token is { } token &&
        scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(token.HasScope);
}
