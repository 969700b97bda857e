namespace OAuthWebClient.Client.Logout;

internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Signed out (RP-initiated logout at the server: {ServerLogout}).", EventName = "SignedOut")]
    public static partial void SignedOut(ILogger logger, bool serverLogout);
}
