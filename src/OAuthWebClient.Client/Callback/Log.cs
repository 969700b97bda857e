namespace OAuthWebClient.Client.Callback;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Warning, "Callback rejected: {Reason}.", EventName = "CallbackRejected")]
    public static partial void CallbackRejected(ILogger logger, string reason);

    [LoggerMessage(2002, LogLevel.Information, "Authorization server returned error {Error} for transaction {Transaction}.", EventName = "AuthorizationError")]
    public static partial void AuthorizationError(ILogger logger, string error, string transaction);

    [LoggerMessage(2003, LogLevel.Warning, "Code redemption failed for transaction {Transaction}: {Failure} {Error}.", EventName = "CodeRedemptionFailed")]
    public static partial void CodeRedemptionFailed(ILogger logger, string transaction, string failure, string? error);

    [LoggerMessage(2004, LogLevel.Warning, "ID token rejected for transaction {Transaction}: {Reason}", EventName = "IdTokenRejected")]
    public static partial void IdTokenRejected(ILogger logger, string transaction, string reason);


    [LoggerMessage(2006, LogLevel.Warning, "The iss parameter requirement is relaxed by OAuth:RequireIssParameterWhenAdvertised=false (RFC 9207 §2.4).", EventName = "IssRequirementRelaxed")]
    public static partial void IssRequirementRelaxed(ILogger logger);

    [LoggerMessage(2005, LogLevel.Debug, "Signed in session {Session} for issuer {Issuer}.", EventName = "SignedIn")]
    public static partial void SignedIn(ILogger logger, string session, string issuer);

    [LoggerMessage(2007, LogLevel.Warning, "Transaction {Transaction} asked for offline_access but the server issued no refresh token: the session ends when the access token expires. A server following OIDC Core §11 grants offline_access only with prompt=consent (OAuth:OfflineAccessPrompt is {OfflineAccessPrompt}).", EventName = "NoRefreshTokenForOfflineAccess")]
    public static partial void NoRefreshTokenForOfflineAccess(ILogger logger, string transaction, OfflineAccessPrompt offlineAccessPrompt);
}
