namespace OAuthWebClient.Client.Logout;

internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Signed out (RP-initiated logout at the server: {ServerLogout}).", EventName = "SignedOut")]
    public static partial void SignedOut(ILogger logger, bool serverLogout);

    [LoggerMessage(5002, LogLevel.Information, "Back-channel logout from provider {Provider}: {SessionsEnded} session(s) ended (by sid: {BySessionId}).", EventName = "BackchannelLogoutSessionsEnded")]
    public static partial void BackchannelLogoutSessionsEnded(ILogger logger, string provider, int sessionsEnded, bool bySessionId);

    [LoggerMessage(5003, LogLevel.Warning, "Back-channel logout refused for provider {Provider}: {Failure}. {Description}", EventName = "BackchannelLogoutRefused")]
    public static partial void BackchannelLogoutRefused(ILogger logger, string provider, BackchannelLogoutFailure failure, string description);

    [LoggerMessage(5004, LogLevel.Information, "Provider {Provider}: register {BackchannelLogoutUri} as its backchannel_logout_uri (OpenID Connect Back-Channel Logout 1.0 §2.2).", EventName = "BackchannelLogoutUri")]
    public static partial void BackchannelLogoutUri(ILogger logger, string provider, string backchannelLogoutUri);
}
