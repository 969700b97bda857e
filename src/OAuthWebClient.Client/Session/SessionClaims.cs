using System.Security.Claims;

namespace OAuthWebClient.Client.Session;

/// <summary>
/// What the session cookie carries: an opaque session id and a display name — no token (RFC 9700 §4.14).
/// The tokens stay server-side in the token store under that id, with the mapped claims (<see cref="UserClaims"/>) that
/// <see cref="Restore"/> puts back into the principal on each request.
/// </summary>
internal static class SessionClaims
{
    public const string SessionId = "sid";
    public const string Name = "name";
    public const string Email = "email";

    /// <summary>The identity's <see cref="ClaimsIdentity.RoleClaimType"/>, so <c>[Authorize(Roles = "…")]</c> and <c>IsInRole</c> see the roles.</summary>
    public const string Role = "role";

    /// <summary>128 bits from the CSPRNG (22 characters): unguessable, and small enough for a lean cookie.</summary>
    public static string NewSessionId() => RandomValue.Create(16);

    public static ClaimsPrincipal CreatePrincipal(string sessionId, string displayName) =>
        Principal([new Claim(SessionId, sessionId), new Claim(Name, displayName)]);

    /// <summary>
    /// The request's principal: the cookie's session id, with the name, email and roles stored with the session. Built
    /// anew, so the cookie (re-issued from the ticket it was read from) never carries them.
    /// </summary>
    public static ClaimsPrincipal Restore(string sessionId, UserClaims user, string? cookieName)
    {
        var claims = new List<Claim> { new(SessionId, sessionId), new(Name, user.Name ?? cookieName ?? "") };
        if (user.Email is { } email)
        {
            claims.Add(new Claim(Email, email));
        }

        claims.AddRange(user.Roles.Select(role => new Claim(Role, role)));
        return Principal(claims);
    }

    private static ClaimsPrincipal Principal(IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity(claims, OAuthClientDefaults.SessionScheme, nameType: Name, roleType: Role));

    public static string? GetSessionId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(SessionId) : null;

    /// <summary>The session id's fingerprint for logs and events.</summary>
    public static string Key(string sessionId) => RandomValue.Fingerprint(sessionId, 8);
}
