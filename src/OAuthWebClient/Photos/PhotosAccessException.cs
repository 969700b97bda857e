using OAuthWebClient.Tokens;

namespace OAuthWebClient.Photos;

/// <summary>The photos API could not be called for this session; <see cref="Failure"/> says why.</summary>
public sealed class PhotosAccessException : Exception
{
    public PhotosAccessException()
    {
    }

    public PhotosAccessException(string message)
        : base(message)
    {
    }

    public PhotosAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PhotosAccessException(PhotosAccessFailure failure)
        : base($"The photos API cannot be called: {failure}.") => Failure = failure;

    public PhotosAccessFailure Failure { get; }

    /// <summary>For <see cref="PhotosAccessFailure.InsufficientScope"/>: the scope the API asked for, if it said.</summary>
    public string? RequiredScope { get; init; }

    public static PhotosAccessException From(AccessTokenStatus status) => new(status switch
    {
        AccessTokenStatus.ReauthenticationRequired => PhotosAccessFailure.ReauthenticationRequired,
        AccessTokenStatus.TemporarilyUnavailable => PhotosAccessFailure.TemporarilyUnavailable,
        _ => PhotosAccessFailure.SessionMissing,
    });
}
