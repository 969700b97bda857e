using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;

namespace OAuthWebClient.Photos;

public static class PhotosApiExtensions
{
    /// <summary>The typed photos API client: the user's access token (to the API's origin only), no redirects, retries for idempotent GETs only.</summary>
    public static IHostApplicationBuilder AddPhotosApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PhotosApiOptions>().BindConfigurationReportingProblems(PhotosApiOptions.SectionName)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "PhotosApi:BaseAddress must be an absolute http(s) URL.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<PhotosApiClient>((services, client) =>
            {
                var options = services.GetRequiredService<IOptions<PhotosApiOptions>>().Value;
                // A trailing slash makes relative paths ("photos") resolve under the base path.
                client.BaseAddress = new Uri(options.BaseAddress!.AbsoluteUri.TrimEnd('/') + "/");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline and PhotosApiClient's deadline own timeouts
            })
            // A redirect from the API is not followed, so the token never travels to another origin.
            .WithoutRedirects()
            .AddUserAccessTokenHandler((handler, services) => handler.AllowedOrigins.Add(services.GetRequiredService<IOptions<PhotosApiOptions>>().Value.BaseAddress!))
            .AddStandardResilienceHandler()
            .Configure((resilience, services) =>
            {
                var timeout = services.GetRequiredService<IOptions<PhotosApiOptions>>().Value.Timeout;
                // Retries only for idempotent requests; Retry-After is honoured but never waits more than 5 s.
                resilience.Retry.DisableForUnsafeHttpMethods();
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.Retry.MaxDelay = TimeSpan.FromSeconds(5);
                resilience.Retry.CapRetryAfterAtMaxDelay();
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 3;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, timeout.Ticks * 2));
            });
        return builder;
    }
}
