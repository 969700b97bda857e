using System.Security.Claims;
using OAuthWebClient.Client.Protocol;

namespace OAuthWebClient.Client.Session;

/// <summary>
/// What the session cookie carries: an opaque session id and a display name — no token (RFC 9700 §4.14).
/// The tokens stay server-side in the token store under that id.
/// </summary>
internal static class SessionClaims
{
    public const string SessionId = "sid";
    public const string Name = "name";

    /// <summary>128 bits from the CSPRNG (22 characters): unguessable, and small enough for a lean cookie.</summary>
    public static string NewSessionId() => RandomValue.Create(16);

    public static ClaimsPrincipal CreatePrincipal(string sessionId, string displayName) =>
        new(new ClaimsIdentity(
            [new Claim(SessionId, sessionId), new Claim(Name, displayName)],
            OAuthClientDefaults.SessionScheme,
            nameType: Name,
            roleType: null));

    public static string? GetSessionId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(SessionId) : null;

    /// <summary>The session id's fingerprint for logs and events.</summary>
    public static string Key(string sessionId) => RandomValue.Fingerprint(sessionId, 8);
}
