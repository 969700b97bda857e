using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OAuthWebClient.Health;

public static class HealthExtensions
{
    public const string Path = "/health";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SelfCheck>();
        builder.Services.AddHostedService<SelfCheckAtStart>();
        builder.Services.AddHealthChecks()
            .AddCheck<AuthorizationServerHealthCheck>("authorization-server", timeout: TimeSpan.FromSeconds(10))
            .AddCheck<TokenStoreHealthCheck>("token-store", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SelfCheckHealthCheck>("self-check");
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: 200 when every check is healthy or only degraded (self-check warnings), 503 when one is unhealthy,
    /// with each check's reason as JSON.
    /// </summary>
    public static IEndpointConventionBuilder MapHealth(this WebApplication app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                warnings = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }));
    }
}
