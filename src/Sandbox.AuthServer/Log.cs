namespace Sandbox.AuthServer;

/// <summary>High-performance log messages of the sandbox authorization server.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Registered client {ClientId} with {RedirectUriCount} redirect URI(s)")]
    public static partial void ClientRegistered(ILogger logger, string clientId, int redirectUriCount);

    [LoggerMessage(2, LogLevel.Information, "User {Subject} signed in to the authorization server")]
    public static partial void UserSignedIn(ILogger logger, string subject);

    [LoggerMessage(3, LogLevel.Warning, "Failed sign-in attempt")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "User {Subject} allowed client {ClientId} scopes '{Scopes}'")]
    public static partial void ConsentGranted(ILogger logger, string subject, string? clientId, string scopes);

    [LoggerMessage(5, LogLevel.Information, "User {Subject} denied client {ClientId}")]
    public static partial void ConsentDenied(ILogger logger, string subject, string? clientId);

    [LoggerMessage(6, LogLevel.Information, "User {Subject} signed out (end-session request)")]
    public static partial void UserSignedOut(ILogger logger, string? subject);

    [LoggerMessage(7, LogLevel.Warning, "Token request for unknown subject {Subject} rejected")]
    public static partial void UnknownSubject(ILogger logger, string? subject);

    [LoggerMessage(7002, LogLevel.Information, "Refresh token grant issued to client {ClientId} for authorization {Authorization} at {IssuedAt:O}; the access token expires at {ExpiresAt:O}", EventName = "RefreshTokenGrantIssued")]
    public static partial void RefreshTokenGrantIssued(ILogger logger, string? clientId, string authorization, DateTimeOffset issuedAt, DateTimeOffset? expiresAt);
}
