using OAuthWebClient.Client;

namespace OAuthWebClient.Errors;

/// <summary>The page for each way a sign-in can fail (<see cref="SignInFailureReason"/>): the app's decision, not the library's.</summary>
internal static class SignInErrors
{
    public static AppError Page(SignInFailure failure) => failure.Reason switch
    {
        SignInFailureReason.ServerUnavailable => AppError.ServerUnreachable(),
        SignInFailureReason.TransactionMissing or SignInFailureReason.TransactionExpired or SignInFailureReason.TransactionUnreadable
            or SignInFailureReason.ResponseReplayed => AppError.LoginExpired(failure.Message),
        SignInFailureReason.AccessDenied => AppError.ConsentDenied(failure.Error?.Description),
        SignInFailureReason.AuthorizationError => AppError.AuthorizationFailed(failure.Error!.Error, failure.Error.Description, failure.Error.Uri),
        SignInFailureReason.TokenRequestRejected => TokenRequestRejected(failure.Error!),
        SignInFailureReason.InvalidTokenResponse or SignInFailureReason.InvalidIdToken => AppError.ServerMisbehaved(failure.Message),
        SignInFailureReason.UnknownProvider => AppError.UnknownProvider(failure.Message),
        SignInFailureReason.PushedAuthorizationFailed => AppError.PushedAuthorizationFailed(failure.Message, failure.Error),
        SignInFailureReason.UserInfoFailed or SignInFailureReason.UserInfoSubjectMismatch =>
            AppError.UserInfoFailed(failure.Message, failure.Reason == SignInFailureReason.UserInfoSubjectMismatch),
        _ => AppError.BadCallback(failure.Message),
    };

    /// <summary>A used, expired or foreign response: for someone already signed in, nothing to fix.</summary>
    public static bool IsStaleResponse(SignInFailureReason reason) => reason is SignInFailureReason.TransactionMissing
        or SignInFailureReason.TransactionExpired or SignInFailureReason.TransactionUnreadable or SignInFailureReason.StateMismatch
        or SignInFailureReason.ResponseReplayed;

    /// <summary>
    /// RFC 6749 §5.2 errors are the request's fault (400), except the two that say the server failed
    /// (<c>server_error</c>, <c>temporarily_unavailable</c>, as in §4.1.2.1): those are 502 and 503.
    /// </summary>
    private static AppError TokenRequestRejected(ProtocolError error) => error.Error switch
    {
        "server_error" => AppError.TokenRequestRejected(error.Error, error.Description) with { StatusCode = StatusCodes.Status502BadGateway },
        "temporarily_unavailable" => AppError.TokenRequestRejected(error.Error, error.Description) with { StatusCode = StatusCodes.Status503ServiceUnavailable },
        _ => AppError.TokenRequestRejected(error.Error, error.Description),
    };
}
