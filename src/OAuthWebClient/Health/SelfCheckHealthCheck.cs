using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthWebClient.Metadata;

namespace OAuthWebClient.Health;

/// <summary>The self-check on <c>/health</c>: Degraded (still HTTP 200) with its warnings, each under its check's name.</summary>
public sealed class SelfCheckHealthCheck(SelfCheck selfCheck, ServerMetadataProvider metadata) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // /health is anonymous: what only the log may say stays out (SelfCheckFinding.LogOnly).
        var findings = selfCheck.OfConfiguration().Where(f => !f.LogOnly).ToList();
        try
        {
            findings.AddRange(selfCheck.OfServer(await metadata.GetAsync(cancellationToken)));
        }
        catch (InvalidOperationException)
        {
            // No metadata: the authorization-server check says why; there is nothing about the server to check.
        }

        return findings.Count == 0
            ? HealthCheckResult.Healthy("No configuration problems found.")
            : HealthCheckResult.Degraded(
                $"{findings.Count} warning(s): {string.Join(" ", findings.Select(f => f.Message))}",
                data: findings.GroupBy(f => f.Check).ToDictionary(g => g.Key, g => (object)string.Join(" ", g.Select(f => f.Message))));
    }
}
