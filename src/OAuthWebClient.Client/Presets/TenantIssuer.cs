using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Presets;

/// <summary>
/// Microsoft Entra ID's multi-tenant endpoints (<c>/common</c>, <c>/organizations</c>, <c>/consumers</c>) publish the issuer
/// <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>: a template, not an issuer. It is accepted only for such an
/// authority, and an ID token's <c>iss</c> must be exactly the template filled with the token's own <c>tid</c> (a GUID) —
/// so a token stays bound to the tenant that signed it.
/// </summary>
internal static class TenantIssuer
{
    private const string Placeholder = "{tenantid}";
    private static readonly string[] MultiTenantSegments = ["common", "organizations", "consumers"];

    /// <summary>An authority whose path starts with a multi-tenant segment (<c>/common/v2.0</c>, say).</summary>
    public static bool IsMultiTenant(Uri authority) =>
        MultiTenantSegments.Contains(authority.AbsolutePath.Trim('/').Split('/')[0], StringComparer.OrdinalIgnoreCase);

    public static bool IsTemplate(string? issuer) => issuer?.Contains(Placeholder, StringComparison.Ordinal) == true;

    /// <summary>True when <paramref name="issuer"/> is the template and the authority is the same URL with a multi-tenant segment.</summary>
    public static bool MatchesAuthority(string? issuer, Uri authority) =>
        IsTemplate(issuer) && MultiTenantSegments.Any(segment =>
            string.Equals(issuer!.Replace(Placeholder, segment, StringComparison.Ordinal).TrimEnd('/'), authority.OriginalString.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <param name="allowedTenants">The tenant ids accepted, or <c>*</c> for any (<see cref="OAuthClientOptions.AllowedTenants"/>).</param>
    public static IssuerValidator Validator(string template, IList<string> allowedTenants) => (issuer, token, parameters) =>
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out _) ? tid : null;
        if (tenant is null || !string.Equals(issuer, template.Replace(Placeholder, tenant, StringComparison.Ordinal), StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException("The ID token's issuer is not the tenant template filled with its own tid.");
        }

        return allowedTenants.Contains("*") || allowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The ID token comes from a tenant that is not in OAuth:AllowedTenants.");
    };
}
