using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Sandbox.AuthServer.BackchannelLogout;
using Sandbox.AuthServer.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Authorization;

/// <summary>Builds the principals handed to OpenIddict's SignIn.</summary>
internal static class SandboxPrincipal
{
    /// <summary>The principal for a granted authorization request.</summary>
    public static ClaimsPrincipal Create(
        DemoUser user, ImmutableArray<string> scopes, string audience, DateTimeOffset? authenticatedAt, string? sessionId)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject);
        identity.SetClaim(SandboxSessions.SessionIdClaim, sessionId);
        if (authenticatedAt is { } time)
        {
            identity.SetClaim(Claims.AuthenticationTime, time.ToUnixTimeSeconds());
        }

        identity.SetScopes(scopes);
        // RFC 9068 §3 / RFC 8707: the access token's aud is the photos API.
        identity.SetResources(audience);
        return Finish(identity, user);
    }

    /// <summary>
    /// The principal for a code or refresh token redemption: keeps what was granted (scopes, resources,
    /// authorization id) and refreshes the user's claims.
    /// </summary>
    public static ClaimsPrincipal Refresh(ClaimsPrincipal stored, DemoUser user)
    {
        var identity = new ClaimsIdentity(stored.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        return Finish(identity, user);
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, DemoUser user)
    {
        identity.SetClaim(Claims.Name, user.Name).SetClaim(Claims.Email, user.Email);
        identity.SetClaims(SandboxClaims.Roles, [.. user.Roles]);
        identity.SetDestinations(ClaimDestinations.For);
        return new ClaimsPrincipal(identity);
    }
}
