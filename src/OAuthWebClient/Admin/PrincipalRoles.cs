using System.Security.Claims;

namespace OAuthWebClient.Admin;

/// <summary>The signed-in user's roles: the claims of the identity's own role claim type, whatever the provider calls them.</summary>
public static class PrincipalRoles
{
    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. user.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(claim => claim.Value)];
    }
}
