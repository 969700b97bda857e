using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sandbox.DPoP;

namespace Sandbox.PhotosApi;

/// <summary>
/// The sandbox photos API: an OAuth 2.0 resource server (RFC 6750) that accepts RFC 9068 JWT access tokens from the
/// authorities configured in <c>PhotosApi:Authorities</c> (or <c>PhotosApi:Authority</c>). Run standalone, or hosted in-process by another app or a test.
/// </summary>
public sealed class PhotosApiApp
{
    private PhotosApiApp()
    {
    }

    /// <summary>Builds the app with its services and endpoints.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">
    /// Runs after the defaults are added and before <c>Build()</c>, so a caller can replace configuration sources, set URLs
    /// or replace services. Options are read lazily, so configuration changed here is honoured; the metadata back-channel
    /// (<see cref="JwtBearerOptions.BackchannelHttpHandler"/>) may be configured or post-configured here too — for every
    /// authority's scheme at once with <c>PostConfigureAll&lt;JwtBearerOptions&gt;</c>.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PhotosApiApp).Assembly.GetName().Name,
        });

        AddServices(builder.Services);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPhotos();
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddOptions<PhotosApiOptions>().BindConfiguration(PhotosApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhotosApiOptions>, PhotosApiOptionsValidator>();
        services.AddDPoPProofValidation(provider => provider.GetRequiredService<IOptions<PhotosApiOptions>>().Value.DPoP);

        // "Bearer" forwards to one JwtBearer scheme per trusted authority (see ConfigureIssuerForwarding).
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddPolicyScheme(JwtBearerDefaults.AuthenticationScheme, "Bearer (by issuer)", _ => { });
        services.ConfigureOptions<ConfigureIssuerForwarding>();
        services.ConfigureOptions<ConfigureAuthoritySchemes>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerPostConfigureOptions>());
        services.ConfigureOptions<ConfigureJwtBearerOptions>();

        services.AddAuthorization();
        services.ConfigureOptions<ConfigureAuthorizationOptions>();
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, InsufficientScopeResultHandler>();

        services.AddSingleton<PhotoCatalog>();
        services.AddSingleton<PhotoImages>();
    }
}
