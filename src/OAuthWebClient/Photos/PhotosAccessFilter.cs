using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.Login;
using OAuthWebClient.OAuth;
using OAuthWebClient.Session;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Photos;

/// <summary>
/// Turns a failed photos API call into what the person should see: sign in again (once), a step-up sign-in
/// asking for the missing scope (once), a "try again" page with the session kept, or a plain explanation —
/// never a 500.
/// </summary>
public sealed class PhotosAccessFilter(
    TokenService tokenService,
    StepUpScopes stepUpScopes,
    IOptions<OAuthClientOptions> options,
    ILogger<PhotosAccessFilter> logger) : IAsyncExceptionFilter
{
    public async Task OnExceptionAsync(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var here = SignInLink.Here(http.Request);
        if (context.Exception is PhotosAccessException { Failure: PhotosAccessFailure.SessionMissing or PhotosAccessFailure.ReauthenticationRequired })
        {
            // The tokens are gone: end the cookie too, then start one new sign-in that returns here.
            await http.SignOutAsync(SessionClaims.Scheme);
            context.Result = SignIn(here);
        }
        else if (context.Exception is PhotosAccessException { Failure: PhotosAccessFailure.InvalidToken } && http.User.GetSessionId() is { } sessionId)
        {
            await SignInAgainOnceAsync(context, sessionId, here);
        }
        else if (context.Exception is PhotosAccessException { Failure: PhotosAccessFailure.InsufficientScope, RequiredScope: { Length: > 0 } scope } &&
            !await AlreadyGrantedAsync(http, scope))
        {
            // RFC 6750 §3.1: insufficient_scope is not cured by a refresh; ask the server for the missing scope.
            context.Result = SignIn(here, stepUpScopes.Seal(scope));
        }
        else
        {
            var error = context.Exception switch
            {
                PhotosAccessException { Failure: PhotosAccessFailure.TemporarilyUnavailable } => AppError.TemporarilyUnavailable(here),
                PhotosAccessException { Failure: PhotosAccessFailure.InsufficientScope } => PhotosErrors.PermissionMissing(),
                PhotosAccessException { Failure: PhotosAccessFailure.TokenRejected or PhotosAccessFailure.InvalidToken } => PhotosErrors.TokenRejected(),
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
    private async Task SignInAgainOnceAsync(ExceptionContext context, string sessionId, string here)
    {
        var http = context.HttpContext;
        var session = RandomValue.Fingerprint(sessionId, 8);
        if (ReauthenticationMarker.IsSet(http, options.Value))
        {
            Log.TokenRefusedAfterSignIn(logger, session);
            context.Result = context.ErrorPage(PhotosErrors.TokenRejected());
            return;
        }

        Log.TokenRefusedAfterRefresh(logger, session);
        await tokenService.RevokeAsync(sessionId, http.RequestAborted);
        await http.SignOutAsync(SessionClaims.Scheme);
        ReauthenticationMarker.Set(http, options.Value);
        context.Result = SignIn(here);
    }

    /// <summary>A redirect to start one sign-in that returns to <paramref name="here"/> (PathBase in front).</summary>
    private LocalRedirectResult SignIn(string here, string? stepUp = null) => new("~" + SignInLink.To(options.Value, here, stepUp));

    /// <summary>If the session already holds the scope, another step-up would loop: show the explanation instead.</summary>
    private async Task<bool> AlreadyGrantedAsync(HttpContext http, string scope) =>
        http.User.GetSessionId() is { } sessionId &&
        await tokenService.GetTokensAsync(sessionId, http.RequestAborted) is { } tokens &&
        scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(tokens.HasScope);
}
