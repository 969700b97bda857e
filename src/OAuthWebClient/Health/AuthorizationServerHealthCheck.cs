using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Health;

/// <summary>Fetches the authorization server's metadata document (or its JWKS, for hand-configured endpoints) now.</summary>
public sealed class AuthorizationServerHealthCheck(IHttpClientFactory httpClientFactory, IOptions<OAuthClientOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var address = settings.HasManualEndpoints ? settings.Endpoints.JwksUri : ServerMetadataProvider.MetadataAddress(settings);
        if (address is null)
        {
            return HealthCheckResult.Healthy("Endpoints are configured by hand and there is no JWKS to fetch.");
        }

        try
        {
            using var response = await httpClientFactory.CreateClient(BackchannelClient.Name).GetAsync(address, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{address} answered {(int)response.StatusCode}.")
                : HealthCheckResult.Unhealthy($"{address} answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{address} could not be reached ({(e is TaskCanceledException ? "timeout" : e.Message)}).");
        }
    }
}
