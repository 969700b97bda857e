using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;

namespace OAuthWebClient.Web;

internal static class ForwardedHeadersExtensions
{
    /// <summary>Forwarded headers from the configured proxies only (<see cref="TrustedProxyOptions"/>).</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfigurationReportingProblems(TrustedProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>, IConfiguration>((forwarded, trusted, configuration) =>
        {
            // Nothing trusted: nothing forwarded — also for the framework's own middleware that
            // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true adds, which would otherwise trust everyone (empty lists).
            forwarded.ForwardedHeaders = trusted.Value.Any
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            // The framework trusts loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.Proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in trusted.Value.Networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // A forwarded host must be one this app answers to, as the Host header must (AllowedHosts).
            var allowed = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            forwarded.AllowedHosts = allowed.Contains("*") ? [] : allowed;
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the public scheme and host; nothing when no proxy is trusted.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }
    }
}
