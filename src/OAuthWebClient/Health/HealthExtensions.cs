using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OAuthWebClient.Health;

public static class HealthExtensions
{
    public const string Path = "/health";

    /// <summary>Liveness: the process answers. No dependency is asked, so an outage elsewhere never restarts it.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: this instance can serve a sign-in now (its token store and the authorization servers answer).</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The tag of the checks <see cref="ReadyPath"/> runs.</summary>
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SelfCheck>();
        builder.Services.AddHostedService<SelfCheckAtStart>();
        builder.Services.AddHealthChecks()
            .AddCheck<AuthorizationServerHealthCheck>("authorization-server", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<TokenStoreHealthCheck>("token-store", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SelfCheckHealthCheck>("self-check");
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: 200 when every check is healthy or only degraded (self-check warnings), 503 when one is unhealthy,
    /// with each check's reason as JSON. <c>/health/live</c> and <c>/health/ready</c> are the two probes an orchestrator
    /// (Kubernetes' livenessProbe and readinessProbe) expects: live runs no check; ready runs the dependency checks and
    /// leaves the self-check's warnings to <c>/health</c>.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

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
