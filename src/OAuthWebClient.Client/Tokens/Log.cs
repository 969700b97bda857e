namespace OAuthWebClient.Client.Tokens;

internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Debug, "Token endpoint answered the {GrantType} request with HTTP {StatusCode}: {Outcome} {Error}.", EventName = "TokenEndpointAnswered")]
    public static partial void TokenEndpointAnswered(ILogger logger, string grantType, int statusCode, string outcome, string? error);

    [LoggerMessage(3002, LogLevel.Warning, "Token endpoint unreachable for the {GrantType} request ({Failure}).", EventName = "TokenEndpointUnreachable")]
    public static partial void TokenEndpointUnreachable(ILogger logger, string grantType, string failure);

    [LoggerMessage(3003, LogLevel.Information, "Revocation of the {TokenType} answered HTTP {StatusCode}.", EventName = "Revoked")]
    public static partial void Revoked(ILogger logger, string tokenType, int statusCode);

    [LoggerMessage(3004, LogLevel.Warning, "Revocation of the {TokenType} failed ({Failure}); signing out anyway.", EventName = "RevocationFailed")]
    public static partial void RevocationFailed(ILogger logger, string tokenType, string failure);

    [LoggerMessage(3005, LogLevel.Information, "Session {Session} refreshed its tokens (refresh token rotated: {Rotated}).", EventName = "Refreshed")]
    public static partial void Refreshed(ILogger logger, string session, bool rotated);

    [LoggerMessage(3006, LogLevel.Warning, "Session {Session} could not refresh: {Failure} {Error}.", EventName = "RefreshFailed")]
    public static partial void RefreshFailed(ILogger logger, string session, string failure, string? error);

    [LoggerMessage(3007, LogLevel.Warning, "Session {Session} ended: the refreshed ID token names a different issuer or subject (OIDC Core §12.2).", EventName = "RefreshedIdentityChanged")]
    public static partial void RefreshedIdentityChanged(ILogger logger, string session);

    [LoggerMessage(3008, LogLevel.Warning, "The {Request} request was answered with HTTP {StatusCode} to {Location}; back-channel redirects are never followed.", EventName = "RedirectRefused")]
    public static partial void RedirectRefused(ILogger logger, string request, int statusCode, string location);
}
