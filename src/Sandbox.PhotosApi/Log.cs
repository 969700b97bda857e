namespace Sandbox.PhotosApi;

/// <summary>Log messages of the photos API. Tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Access token rejected: {Reason}.")]
    public static partial void TokenRejected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Access token lacks the required scope '{Scope}'.")]
    public static partial void InsufficientScope(this ILogger logger, string scope);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Listed {Count} photos.")]
    public static partial void PhotosListed(this ILogger logger, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Photo '{PhotoId}' is not in the caller's album: 404.")]
    public static partial void PhotoNotFound(this ILogger logger, string photoId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Photo '{PhotoId}' is in the catalogue but its image resource '{Resource}' is missing.")]
    public static partial void ImageMissing(this ILogger logger, string photoId, string resource);
}
