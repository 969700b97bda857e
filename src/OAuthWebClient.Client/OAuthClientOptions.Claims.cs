namespace OAuthWebClient.Client;

// Which claims become the session's name, email and roles, and whether the UserInfo endpoint is asked too.
public sealed partial class OAuthClientOptions
{
    /// <summary>
    /// The claim that becomes the user's name (<see cref="System.Security.Claims.ClaimsIdentity.Name"/>). Default:
    /// <c>name</c> (OIDC Core §5.1); when the token has none, <c>preferred_username</c>, then <c>sub</c>. A dotted path
    /// (<c>profile.display</c>) walks nested JSON objects; a claim whose own name contains dots (a URL) is found as it is.
    /// </summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim that becomes the user's email. Default: <c>email</c> (OIDC Core §5.1). Empty: none is kept.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// The claim that holds the user's roles, checked by <c>[Authorize(Roles = "…")]</c>. Default: <c>roles</c> (what
    /// Entra ID and the sandbox issue). A dotted path walks nested objects: <c>realm_access.roles</c> for Keycloak; a
    /// namespaced claim (<c>https://app.example/roles</c>, Auth0) is found by its whole name. The value may be a JSON
    /// array of strings, one string, or a space-separated string; other values are ignored. At most 100 roles are kept.
    /// Empty: no roles.
    /// </summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Also read the UserInfo endpoint at sign-in (OIDC Core §5.3), with the access token, when the server's metadata
    /// names one; its claims take precedence over the ID token's. Its <c>sub</c> must equal the ID token's (§5.3.2),
    /// or the sign-in fails. Only JSON answers are accepted (a signed <c>application/jwt</c> answer is refused).
    /// Default: false — the ID token's claims are used.
    /// </summary>
    public bool UseUserInfo { get; set; }
}
