using OAuthWebClient.Client;

namespace OAuthWebClient.Errors;

/// <summary>
/// A failure shown to the person on the one error view: a plain title and message, the right status code,
/// and a way to try again. OAuth error codes from a server are shown (HTML-escaped by Razor), never trusted.
/// </summary>
public sealed record AppError
{
    public required int StatusCode { get; init; }

    /// <summary>Stable name of the kind of failure (used by the view and by tests).</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    /// <summary>App-relative (the view puts the PathBase in front). Null: start a new sign-in (<c>OAuth:LoginPath</c>).</summary>
    public string? RetryUrl { get; init; }

    public string RetryText { get; init; } = "Try signing in again";

    /// <summary>An OAuth <c>error</c> code from the server (RFC 6749 §4.1.2.1, §5.2), when there was one.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorDescription { get; init; }

    public static AppError ConsentDenied(string? description) => new()
    {
        StatusCode = StatusCodes.Status403Forbidden,
        Kind = "consent-denied",
        Title = "Sign-in was cancelled",
        Message = "You did not allow access, so you are not signed in. You can try again whenever you like.",
        ErrorCode = "access_denied",
        ErrorDescription = description,
    };

    /// <param name="errorUri">RFC 6749 §4.1.2.1 <c>error_uri</c>: shown as (escaped) text when it is an http(s) URL, never as a link.</param>
    public static AppError AuthorizationFailed(string code, string? description, string? errorUri = null) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Kind = "authorization-error",
        Title = "The sign-in server refused the request",
        Message = "The authorization server returned an error instead of signing you in." +
            (DisplayableUri(errorUri) is { } uri ? " The server describes this error at: " + uri : ""),
        ErrorCode = code,
        ErrorDescription = description,
    };

    public static AppError LoginExpired(string reason) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Kind = "login-expired",
        Title = "This sign-in link is no longer valid",
        Message = reason,
    };

    /// <summary>A used (or foreign) sign-in response reaching a browser that is already signed in.</summary>
    public static AppError AlreadySignedIn() => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Kind = "already-signed-in",
        Title = "You are already signed in",
        Message = "This sign-in response has already been used or does not belong to this browser. Nothing changed: you are still signed in.",
        RetryUrl = "/",
        RetryText = "Continue",
    };

    public static AppError UnknownProvider(string reason) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Kind = "unknown-provider",
        Title = "No such sign-in provider",
        Message = reason + " Choose one of the providers on the sign-in page.",
    };

    /// <summary>RFC 9126 §2.3: the server refused the pushed request (a configuration problem, 502), or pushing was impossible.</summary>
    public static AppError PushedAuthorizationFailed(string reason, ProtocolError? error) => new()
    {
        StatusCode = StatusCodes.Status502BadGateway,
        Kind = "pushed-request-failed",
        Title = "The sign-in could not be started",
        Message = error is null ? reason : $"{reason} The server said: {error.Error}{(error.Description is null ? "" : " (" + error.Description + ")")}.",
    };

    public static AppError BadCallback(string reason) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Kind = "bad-callback",
        Title = "The sign-in response was not accepted",
        Message = reason,
    };

    public static AppError TokenRequestRejected(string code, string? description) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Kind = "token-error",
        Title = "The sign-in could not be completed",
        Message = "The authorization server would not exchange the sign-in code for tokens.",
        ErrorCode = code,
        ErrorDescription = description,
    };

    public static AppError ServerMisbehaved(string reason) => new()
    {
        StatusCode = StatusCodes.Status502BadGateway,
        Kind = "server-error",
        Title = "The sign-in server sent something unexpected",
        Message = reason,
    };

    public static AppError ServerUnreachable() => new()
    {
        StatusCode = StatusCodes.Status503ServiceUnavailable,
        Kind = "server-unreachable",
        Title = "The sign-in server cannot be reached",
        Message = "The authorization server did not answer in time, or its answer could not be used. Nothing was lost; please try again in a moment.",
    };

    /// <summary>Signed in, but without the role the page requires (the library answers 403, never a loop to the login page).</summary>
    public static AppError Forbidden() => new()
    {
        StatusCode = StatusCodes.Status403Forbidden,
        Kind = "forbidden",
        Title = "You do not have access to this page",
        Message = "You are signed in, but this page needs a role your account does not have.",
        RetryUrl = "/",
        RetryText = "Back to the home page",
    };

    /// <summary>The UserInfo endpoint (OIDC Core §5.3) failed or described someone else; the sign-in was not completed.</summary>
    public static AppError UserInfoFailed(string reason, bool subjectMismatch) => new()
    {
        StatusCode = subjectMismatch ? StatusCodes.Status502BadGateway : StatusCodes.Status503ServiceUnavailable,
        Kind = "userinfo-failed",
        Title = "Your details could not be read from the sign-in server",
        Message = reason,
    };

    public static AppError SessionExpired() => new()
    {
        StatusCode = StatusCodes.Status401Unauthorized,
        Kind = "session-expired",
        Title = "Your session has ended",
        Message = "Please sign in again to continue.",
    };

    public static AppError TemporarilyUnavailable(string retryUrl) => new()
    {
        StatusCode = StatusCodes.Status503ServiceUnavailable,
        Kind = "temporarily-unavailable",
        Title = "This page is temporarily unavailable",
        Message = "We could not renew your access in time. You are still signed in; please try again in a moment.",
        RetryUrl = retryUrl,
        RetryText = "Try again",
    };

    /// <summary>The shared store (Redis) does not answer; nothing was lost and the session is kept.</summary>
    public static AppError StoreUnavailable(string retryUrl) => new()
    {
        StatusCode = StatusCodes.Status503ServiceUnavailable,
        Kind = "store-unavailable",
        Title = "This site is temporarily unavailable",
        Message = "This site cannot reach its session store right now. Nothing was lost and you were not signed out; please try again in a moment.",
        RetryUrl = retryUrl,
        RetryText = "Try again",
    };

    /// <summary>Sign-out while the session store is down: the cookie is gone, the tokens could not be revoked.</summary>
    public static AppError SignedOutWithoutStore() => new()
    {
        StatusCode = StatusCodes.Status503ServiceUnavailable,
        Kind = "signed-out-without-store",
        Title = "You are signed out of this browser",
        Message = "This browser's session was removed, but this site cannot reach its session store right now, so your tokens could not be revoked at the sign-in server. They expire by themselves.",
        RetryUrl = "/",
        RetryText = "Back to the home page",
    };

    private static string? DisplayableUri(string? uri) =>
        uri is { Length: <= 512 } && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    public static AppError Unexpected() => new()
    {
        StatusCode = StatusCodes.Status500InternalServerError,
        Kind = "unexpected",
        Title = "Something went wrong",
        Message = "An unexpected error occurred. It has been logged; please try again.",
        RetryUrl = "/",
        RetryText = "Back to the home page",
    };
}
