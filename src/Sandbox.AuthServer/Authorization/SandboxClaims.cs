namespace Sandbox.AuthServer.Authorization;

/// <summary>Claims the sandbox issues beyond OIDC Core §5.1's standard ones.</summary>
public static class SandboxClaims
{
    /// <summary>
    /// The user's roles, in the ID token and the UserInfo answer when <c>profile</c> is granted: one role is a string,
    /// several a JSON array (as OpenIddict serializes repeated claims). Named as Entra ID names it.
    /// </summary>
    public const string Roles = "roles";
}
