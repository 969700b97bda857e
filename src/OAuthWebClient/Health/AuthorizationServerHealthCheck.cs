using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthWebClient.Client;

namespace OAuthWebClient.Health;

/// <summary>
/// Reads the authorization server's metadata document and keys now (or the JWKS, for hand-configured endpoints) and
/// checks them as a sign-in would: unreachable, redirected, or unusable (no token endpoint, say) is unhealthy.
/// </summary>
public sealed class AuthorizationServerHealthCheck(IAuthorizationServerStatus server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await server.ProbeAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy("The metadata and signing keys were read and are usable.");
}
