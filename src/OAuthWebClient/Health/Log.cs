namespace OAuthWebClient.Health;

internal static partial class Log
{
    [LoggerMessage(10001, LogLevel.Warning, "Self-check ({Check}): {Message}", EventName = "SelfCheckWarning")]
    public static partial void SelfCheckWarning(ILogger logger, string check, string message);
}
