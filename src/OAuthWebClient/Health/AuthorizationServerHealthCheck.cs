using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthWebClient.Client;

namespace OAuthWebClient.Health;

/// <summary>
/// Reads each provider's metadata document and keys now (or the JWKS, for hand-configured endpoints) and checks them as
/// a sign-in would: unreachable, redirected, or unusable (no token endpoint, say) is unhealthy — for any provider.
/// </summary>
public sealed class AuthorizationServerHealthCheck(IOAuthProviders providers, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var provider in providers.All)
        {
            var status = services.GetRequiredKeyedService<IAuthorizationServerStatus>(provider.Name);
            if (await status.ProbeAsync(cancellationToken) is { } problem)
            {
                problems.Add(providers.All.Count == 1 ? problem : $"{provider.DisplayName}: {problem}");
            }
        }

        return problems.Count > 0
            ? HealthCheckResult.Unhealthy(string.Join(" ", problems))
            : HealthCheckResult.Healthy(providers.All.Count == 1
                ? "The metadata and signing keys were read and are usable."
                : $"The metadata and signing keys of all {providers.All.Count} providers were read and are usable.");
    }
}
