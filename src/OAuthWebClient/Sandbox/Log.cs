namespace OAuthWebClient.Sandbox;

internal static partial class Log
{
    [LoggerMessage(7001, LogLevel.Information, "Sandbox started: authorization server {AuthServer}, photos API {PhotosApi}. Sign in as alice/alice or bob/bob.", EventName = "SandboxStarted")]
    public static partial void SandboxStarted(ILogger logger, Uri authServer, Uri photosApi);
}
