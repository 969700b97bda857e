using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Photos;

namespace OAuthWebClient.Sandbox;

public static class EmbeddedSandboxExtensions
{
    /// <summary>
    /// When no external authority is configured — and only in Development, or with <c>Sandbox:Enabled=true</c> —
    /// point the client at the in-process sandbox and start it. Decided on the final configuration (after environment
    /// variables and test overrides). Elsewhere an empty authority is a start-up error that names the keys to set.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedSandbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmbeddedSandboxOptions>().BindConfigurationReportingProblems(EmbeddedSandboxOptions.SectionName).ValidateOnStart();
        services.AddOptions<OAuthClientOptions>().PostConfigure<IConfiguration, IHostEnvironment, IOptions<EmbeddedSandboxOptions>>((oauth, configuration, environment, sandbox) =>
        {
            if (EmbeddedSandboxOptions.IsEnabled(configuration, environment))
            {
                oauth.Authority = new Uri(sandbox.Value.AuthServerUrl.GetLeftPart(UriPartial.Authority) + "/");
            }
        });
        services.AddOptions<PhotosApiOptions>().PostConfigure<IConfiguration, IHostEnvironment, IOptions<EmbeddedSandboxOptions>>((photos, configuration, environment, sandbox) =>
        {
            if (EmbeddedSandboxOptions.IsEnabled(configuration, environment) && photos.BaseAddress is null)
            {
                photos.BaseAddress = sandbox.Value.PhotosApiUrl;
            }
        });
        services.AddHostedService<EmbeddedSandbox>();
        return builder;
    }
}
