using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthWebClient.Client.Metadata;

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

    public static bool IsTemplate(string? issuer) => issuer?.Contains(Placeholder, StringComparison.Ordinal) == true;

    /// <summary>True when <paramref name="issuer"/> is the template and the authority is the same URL with a multi-tenant segment.</summary>
    public static bool MatchesAuthority(string? issuer, Uri authority) =>
        IsTemplate(issuer) && MultiTenantSegments.Any(segment =>
            string.Equals(issuer!.Replace(Placeholder, segment, StringComparison.Ordinal).TrimEnd('/'), authority.OriginalString.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    public static IssuerValidator Validator(string template) => (issuer, token, parameters) =>
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) && Guid.TryParse(tid, out _) ? tid : null;
        return tenant is not null && string.Equals(issuer, template.Replace(Placeholder, tenant, StringComparison.Ordinal), StringComparison.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The ID token's issuer is not the tenant template filled with its own tid.");
    };
}
