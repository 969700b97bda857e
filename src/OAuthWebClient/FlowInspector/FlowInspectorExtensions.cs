using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OAuthWebClient.Photos;
using OAuthWebClient.Tokens;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.FlowInspector;

public static class FlowInspectorExtensions
{
    /// <summary>
    /// The flow inspector: an MVC filter watching login and callback, handlers on the token endpoint and photos API
    /// clients, the in-memory recorder, and <c>/flow</c>. Everything stays idle when it is off.
    /// </summary>
    public static IHostApplicationBuilder AddFlowInspector(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<FlowInspectorOptions>().BindConfigurationReportingProblems(FlowInspectorOptions.SectionName)
            .PostConfigure<IHostEnvironment>((inspector, environment) => inspector.Enabled ??= environment.IsDevelopment())
            .Validate(o => o.MaxBrowsers > 0 && o.MaxEvents > 0, "FlowInspector:MaxBrowsers and FlowInspector:MaxEvents must be positive.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FlowRecorder>();
        services.AddSingleton<FlowBrowserCookie>();
        services.AddSingleton<FlowRecordingFilter>();
        services.Configure<MvcOptions>(mvc => mvc.Filters.AddService<FlowRecordingFilter>());
        services.AddTransient<TokenEndpointRecorder>();
        services.AddTransient<PhotosApiRecorder>();
        // Appended to the clients' existing pipelines, so these run innermost: they see exactly what goes on the wire.
        services.AddHttpClient<TokenEndpointClient>().AddHttpMessageHandler<TokenEndpointRecorder>();
        services.AddHttpClient<PhotosApiClient>().AddHttpMessageHandler<PhotosApiRecorder>();
        services.AddHostedService<FlowInspectorAnnouncement>();
        return builder;
    }
}
