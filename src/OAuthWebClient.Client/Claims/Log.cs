namespace OAuthWebClient.Client.Claims;

internal static partial class Log
{
    [LoggerMessage(2101, LogLevel.Debug, "UserInfo endpoint answered HTTP {StatusCode}: {Outcome} {Error}", EventName = "UserInfoAnswered")]
    public static partial void UserInfoAnswered(ILogger logger, int statusCode, string outcome, string? error);

    [LoggerMessage(2102, LogLevel.Warning, "UserInfo endpoint unreachable ({Failure}).", EventName = "UserInfoUnreachable")]
    public static partial void UserInfoUnreachable(ILogger logger, string failure);

    [LoggerMessage(2103, LogLevel.Warning, "The UserInfo answer was not used ({Correlation}): {Reason}", EventName = "UserInfoRefused")]
    public static partial void UserInfoRefused(ILogger logger, string correlation, string reason);

    [LoggerMessage(2104, LogLevel.Information, "OAuth:UseUserInfo is set but the server's metadata names no userinfo_endpoint; the ID token's claims are used.", EventName = "UserInfoEndpointMissing")]
    public static partial void UserInfoEndpointMissing(ILogger logger);
}
