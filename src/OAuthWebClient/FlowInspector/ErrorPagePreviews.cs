using OAuthWebClient.Errors;
using OAuthWebClient.Photos;

namespace OAuthWebClient.FlowInspector;

/// <summary>Every error page, by kind, with sample wording — to look at each one without breaking anything.</summary>
internal static class ErrorPagePreviews
{
    public static IReadOnlyDictionary<string, Func<AppError>> ByKind { get; } = new Dictionary<string, Func<AppError>>(StringComparer.Ordinal)
    {
        ["consent-denied"] = () => AppError.ConsentDenied("The user denied the authorization request."),
        ["login-expired"] = () => AppError.LoginExpired("The sign-in took too long and has expired. Please sign in again."),
        ["server-unreachable"] = AppError.ServerUnreachable,
        ["session-expired"] = AppError.SessionExpired,
        ["bad-callback"] = () => AppError.BadCallback("The response's state does not match the sign-in started in this browser."),
        ["authorization-error"] = () => AppError.AuthorizationFailed("invalid_scope", "The requested scope is not allowed."),
        ["token-error"] = () => AppError.TokenRequestRejected("invalid_grant", "The authorization code has expired."),
        ["server-error"] = () => AppError.ServerMisbehaved("The token response's token_type is not Bearer."),
        ["temporarily-unavailable"] = () => AppError.TemporarilyUnavailable("/photos"),
        ["store-unavailable"] = () => AppError.StoreUnavailable("/photos"),
        ["signed-out-without-store"] = AppError.SignedOutWithoutStore,
        ["permission-missing"] = PhotosErrors.PermissionMissing,
        ["photos-unreachable"] = () => PhotosErrors.Unreachable("/photos"),
        ["forbidden"] = AppError.Forbidden,
        ["userinfo-failed"] = () => AppError.UserInfoFailed("The sign-in server's UserInfo endpoint could not be reached (timeout).", subjectMismatch: false),
        ["unexpected"] = AppError.Unexpected,
    };
}
