
namespace OAuthWebClient.Client.Presets;

/// <summary>What a preset's settings must hold together, checked with the options at start.</summary>
internal static class PresetRules
{
    public static void Check(List<string> problems, OAuthClientOptions options)
    {
        if (!options.AllowsTenantIssuer || options.Authority is not { } authority || !TenantIssuer.IsMultiTenant(authority))
        {
            return;
        }

        var any = options.AllowedTenants.Contains("*");
        if (options.AllowedTenants.Count == 0)
        {
            problems.Add(
                "OAuth:AllowedTenants is empty, but OAuth:Authority is a multi-tenant Entra ID endpoint: list the tenant ids whose " +
                "users may sign in (OAuth:AllowedTenants:0=…), or * for any tenant.");
        }
        else if (any && !string.IsNullOrEmpty(options.RoleClaim))
        {
            problems.Add(
                "OAuth:AllowedTenants is * and OAuth:RoleClaim is set: the admin of any Entra tenant can give its users your app's " +
                "roles. List the tenants you trust, or set OAuth:RoleClaim to empty.");
        }

        foreach (var tenant in options.AllowedTenants.Where(t => t != "*" && !Guid.TryParse(t, out _)))
        {
            problems.Add($"OAuth:AllowedTenants has \"{tenant}\", which is not a tenant id (a GUID) or *.");
        }
    }
}
