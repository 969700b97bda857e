namespace OAuthWebClient.FlowInspector;

internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Warning, "The flow inspector could not record the {Step}: {ExceptionType}. The flow itself is unaffected.", EventName = "FlowRecordingFailed")]
    public static partial void RecordingFailed(ILogger logger, string step, string exceptionType);

    [LoggerMessage(9002, LogLevel.Warning, "The flow inspector is enabled outside Development (environment {Environment}): /flow shows redacted sign-in details to each browser about itself.", EventName = "FlowInspectorEnabledOutsideDevelopment")]
    public static partial void EnabledOutsideDevelopment(ILogger logger, string environment);

    [LoggerMessage(9003, LogLevel.Information, "Flow inspector on: open /flow after signing in to follow each step.", EventName = "FlowInspectorEnabled")]
    public static partial void Enabled(ILogger logger);
}
