using OAuthWebClient.OAuth;
using OAuthWebClient.Photos;

namespace OAuthWebClient.Sandbox;

public static class EmbeddedSandboxExtensions
{
    /// <summary>
    /// When no external authority is configured, point the client at the in-process sandbox and start it.
    /// Decided on the final configuration (after environment variables and test overrides).
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedSandbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmbeddedSandboxOptions>().BindConfiguration(EmbeddedSandboxOptions.SectionName);
        services.AddOptions<OAuthClientOptions>().PostConfigure<IConfiguration, Microsoft.Extensions.Options.IOptions<EmbeddedSandboxOptions>>((oauth, configuration, sandbox) =>
        {
            if (EmbeddedSandboxOptions.IsEnabled(configuration))
            {
                oauth.Authority = new Uri(sandbox.Value.AuthServerUrl.GetLeftPart(UriPartial.Authority) + "/");
            }
        });
        services.AddOptions<PhotosApiOptions>().PostConfigure<IConfiguration, Microsoft.Extensions.Options.IOptions<EmbeddedSandboxOptions>>((photos, configuration, sandbox) =>
        {
            if (EmbeddedSandboxOptions.IsEnabled(configuration) && photos.BaseAddress is null)
            {
                photos.BaseAddress = sandbox.Value.PhotosApiUrl;
            }
        });
        services.AddHostedService<EmbeddedSandbox>();
        return builder;
    }

}
