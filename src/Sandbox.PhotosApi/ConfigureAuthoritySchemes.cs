using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Sandbox.PhotosApi;

/// <summary>
/// Adds one JwtBearer scheme per trusted authority when the authentication options are first needed, so authorities a
/// host configures after <see cref="PhotosApiApp.Build"/> registered the services are honoured.
/// </summary>
internal sealed class ConfigureAuthoritySchemes(IOptions<PhotosApiOptions> apiOptions) : IConfigureOptions<AuthenticationOptions>
{
    public void Configure(AuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = apiOptions.Value.ResolveAuthorities().Count;
        for (var i = 0; i < count; i++)
        {
            options.AddScheme(AuthoritySchemes.Name(i), scheme => scheme.HandlerType = typeof(JwtBearerHandler));
        }
    }
}
