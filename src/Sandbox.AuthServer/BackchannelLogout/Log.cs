namespace Sandbox.AuthServer.BackchannelLogout;

/// <summary>The sandbox's back-channel logout messages (ids 21–29).</summary>
internal static partial class Log
{
    [LoggerMessage(21, LogLevel.Information, "Back-channel logout sent to client {ClientId}: HTTP {Status}", EventName = "BackchannelLogoutDelivered")]
    public static partial void BackchannelLogoutDelivered(ILogger logger, string clientId, int status);

    [LoggerMessage(22, LogLevel.Warning, "Back-channel logout to client {ClientId} failed: {Failure}", EventName = "BackchannelLogoutFailed")]
    public static partial void BackchannelLogoutFailed(ILogger logger, string clientId, string failure);
}
