using System.Security.Claims;
using OpenIddict.Abstractions;
using Sandbox.AuthServer.BackchannelLogout;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Authorization;

/// <summary>Decides which tokens each claim is copied to; claims without a destination stay on the server.</summary>
internal static class ClaimDestinations
{
    private static readonly string[] BothTokens = [Destinations.AccessToken, Destinations.IdentityToken];

    public static IEnumerable<string> For(Claim claim) => claim.Type switch
    {
        Claims.Subject => BothTokens,
        // OIDC Core §5.4: name with profile, email with email.
        Claims.Name when claim.Subject?.HasScope(Scopes.Profile) == true => BothTokens,
        Claims.Email when claim.Subject?.HasScope(Scopes.Email) == true => BothTokens,
        // The sandbox releases roles with profile, so the client's default scopes see them (the claim name Entra ID uses).
        SandboxClaims.Roles when claim.Subject?.HasScope(Scopes.Profile) == true => BothTokens,
        // OIDC Core §2: auth_time belongs in the id_token.
        Claims.AuthenticationTime => [Destinations.IdentityToken],
        // Back-Channel Logout 1.0 §2.4: the session id a logout token will name.
        SandboxSessions.SessionIdClaim => [Destinations.IdentityToken],
        _ => [],
    };
}
