namespace OAuthWebClient.Client.Metadata;

internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Warning, "Metadata attempt {Attempt} failed; next try in {Delay}: {Reason}", EventName = "MetadataRetry")]
    public static partial void MetadataRetry(ILogger logger, int attempt, TimeSpan delay, string reason);
}
