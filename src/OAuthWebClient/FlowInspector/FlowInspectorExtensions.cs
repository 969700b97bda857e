using Microsoft.Extensions.DependencyInjection.Extensions;
using OAuthWebClient.Photos;
using OAuthWebClient.Client;

namespace OAuthWebClient.FlowInspector;

public static class FlowInspectorExtensions
{
    /// <summary>
    /// The flow inspector: a subscriber to the library's events, the in-memory recorder, and <c>/flow</c>. Everything stays
    /// idle when it is off.
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
        // An observer of the library's events: what it shows is what the library reported.
        services.AddOAuthClient().AddEvents<FlowInspectorEvents>();
        services.AddHostedService<FlowInspectorAnnouncement>();
        return builder;
    }
}
