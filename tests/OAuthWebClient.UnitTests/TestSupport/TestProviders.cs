using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.UnitTests.TestSupport;

/// <summary>The single provider's services, as the library keys them by provider name, for classes built by hand.</summary>
internal static class TestProviders
{
    /// <summary>No <c>OAuth:Providers</c>: the single provider of the <c>OAuth</c> section.</summary>
    public static ProviderNames SingleNames { get; } = new(new ConfigurationBuilder().Build(), []);

    public static ProviderServices Single(Func<IServiceCollection, IServiceCollection> keyed)
    {
        return new ProviderServices(keyed(new ServiceCollection()).BuildServiceProvider(), SingleNames);
    }
}
