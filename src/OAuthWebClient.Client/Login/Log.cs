namespace OAuthWebClient.Client.Login;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Authorization request started for issuer {Issuer}, transaction {Transaction}.", EventName = "AuthorizationRequestStarted")]
    public static partial void AuthorizationRequestStarted(ILogger logger, string issuer, string transaction);

    [LoggerMessage(1002, LogLevel.Error, "The authorization server's metadata could not be loaded.", EventName = "MetadataUnavailable")]
    public static partial void MetadataUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1003, LogLevel.Warning, "The sign-in request's login_hint was not sent (transaction {Transaction}): longer than {MaxLength} characters or with control characters.", EventName = "LoginHintRefused")]
    public static partial void LoginHintRefused(ILogger logger, string transaction, int maxLength);

    [LoggerMessage(1004, LogLevel.Warning, "The pushed authorization request failed (transaction {Transaction}): {Failure} {Error}.", EventName = "PushedAuthorizationFailed")]
    public static partial void PushedAuthorizationFailed(ILogger logger, string transaction, string failure, string? error);
}
