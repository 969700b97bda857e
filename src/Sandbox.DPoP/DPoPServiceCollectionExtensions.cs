using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Sandbox.DPoP;

/// <summary>Registers the DPoP proof validator (with its own replay cache) and the nonces, one set per app.</summary>
public static class DPoPServiceCollectionExtensions
{
    /// <param name="services">The app's services.</param>
    /// <param name="options">Where the app keeps its <see cref="DPoPOptions"/> (read once, when first needed; then also a service).</param>
    public static IServiceCollection AddDPoPProofValidation(this IServiceCollection services, Func<IServiceProvider, DPoPOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(provider => new DPoPNonces(provider.GetRequiredService<DPoPOptions>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new DPoPProofValidator(
            provider.GetRequiredService<DPoPOptions>(),
            new JtiReplayCache(provider.GetRequiredService<DPoPOptions>().MaxReplayEntries, provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<DPoPNonces>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DPoPProofValidator>>()));
        return services;
    }
}
