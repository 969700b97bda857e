using OAuthWebClient.Errors;

namespace OAuthWebClient.Photos;

/// <summary>The error pages specific to the photos API.</summary>
internal static class PhotosErrors
{
    public static AppError PermissionMissing() => new()
    {
        StatusCode = StatusCodes.Status403Forbidden,
        Kind = "permission-missing",
        Title = "Permission to see your photos was not granted",
        Message = "You signed in without allowing access to your photos. Sign in again and allow \"photos\" to see them.",
    };

    public static AppError TokenRejected() => new()
    {
        StatusCode = StatusCodes.Status502BadGateway,
        Kind = "token-rejected",
        Title = "The photos service did not accept your sign-in",
        Message = "The photos API refused the access token even after it was renewed. Check that the API trusts this authorization server.",
        RetryUrl = "/",
        RetryText = "Back to the home page",
    };

    public static AppError Unreachable(string retryUrl) => new()
    {
        StatusCode = StatusCodes.Status503ServiceUnavailable,
        Kind = "photos-unreachable",
        Title = "The photos service cannot be reached",
        Message = "The photos API did not answer properly. You are still signed in; please try again in a moment.",
        RetryUrl = retryUrl,
        RetryText = "Try again",
    };
}
