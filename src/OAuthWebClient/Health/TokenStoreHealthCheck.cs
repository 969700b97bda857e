using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using StackExchange.Redis;

namespace OAuthWebClient.Health;

/// <summary>The token store: always fine in memory; with Redis, a PING must come back.</summary>
public sealed class TokenStoreHealthCheck(IServiceProvider services, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!RedisOptions.IsConfigured(configuration))
        {
            return HealthCheckResult.Healthy("Tokens are kept in this process's memory.");
        }

        try
        {
            var latency = await services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered PING in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {e.GetType().Name}.");
        }
    }
}
