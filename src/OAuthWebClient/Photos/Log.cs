namespace OAuthWebClient.Photos;

internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Warning, "The photos API refused the session's access token after a refresh; the session ends and the person signs in again.", EventName = "TokenRefusedAfterRefresh")]
    public static partial void TokenRefusedAfterRefresh(ILogger logger);

    [LoggerMessage(4002, LogLevel.Warning, "The photos API refused the access token right after a new sign-in; showing the explanation instead of another sign-in.", EventName = "TokenRefusedAfterSignIn")]
    public static partial void TokenRefusedAfterSignIn(ILogger logger);
}
