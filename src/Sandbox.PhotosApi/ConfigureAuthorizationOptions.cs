using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Sandbox.PhotosApi;

/// <summary>Builds the <see cref="PolicyName"/> policy from <see cref="PhotosApiOptions.RequiredScope"/> when first needed.</summary>
internal sealed class ConfigureAuthorizationOptions(IOptions<PhotosApiOptions> apiOptions) : IConfigureOptions<AuthorizationOptions>
{
    /// <summary>Name of the policy every photos endpoint requires.</summary>
    public const string PolicyName = "photos";

    public void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(apiOptions.Value.RequiredScope)));
    }
}
