using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthWebClient.Client;

namespace OAuthWebClient.Health;

/// <summary>The self-check on <c>/health</c>: Degraded (still HTTP 200) with its warnings, each under its check's name.</summary>
public sealed class SelfCheckHealthCheck(SelfCheck selfCheck, IAuthorizationServerStatus server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // /health is anonymous: what only the log may say stays out (SelfCheckFinding.LogOnly).
        var findings = selfCheck.OfConfiguration().Where(f => !f.LogOnly).ToList();
        // No metadata: the authorization-server check says why; there is nothing about the server to check.
        if (await server.DescribeAsync(cancellationToken) is { } description)
        {
            findings.AddRange(selfCheck.OfServer(description));
        }

        return findings.Count == 0
            ? HealthCheckResult.Healthy("No configuration problems found.")
            : HealthCheckResult.Degraded(
                $"{findings.Count} warning(s): {string.Join(" ", findings.Select(f => f.Message))}",
                data: findings.GroupBy(f => f.Check).ToDictionary(g => g.Key, g => (object)string.Join(" ", g.Select(f => f.Message))));
    }
}
