namespace OAuthWebClient.Client.Login;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Authorization request started for issuer {Issuer}, transaction {Transaction}.", EventName = "AuthorizationRequestStarted")]
    public static partial void AuthorizationRequestStarted(ILogger logger, string issuer, string transaction);

    [LoggerMessage(1002, LogLevel.Error, "The authorization server's metadata could not be loaded.", EventName = "MetadataUnavailable")]
    public static partial void MetadataUnavailable(ILogger logger, Exception exception);
}
