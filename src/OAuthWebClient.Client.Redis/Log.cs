namespace OAuthWebClient.Client.Redis;

internal static partial class Log
{
    [LoggerMessage(8001, LogLevel.Error, "Redis is unavailable ({Operation} failed: {Failure}); pages that need it answer 503 until it is back. Not logged again for this outage.", EventName = "RedisUnavailable")]
    public static partial void RedisUnavailable(ILogger logger, string operation, string failure);

    [LoggerMessage(8002, LogLevel.Information, "Redis answers again after {DownFor}.", EventName = "RedisAvailableAgain")]
    public static partial void RedisAvailableAgain(ILogger logger, TimeSpan downFor);
}
