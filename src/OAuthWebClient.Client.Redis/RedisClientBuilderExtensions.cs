using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Redis for <see cref="OAuthClientBuilder"/>.</summary>
public static class RedisClientBuilderExtensions
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, tokens (encrypted), used states, refresh leases and the Data Protection key
    /// ring live in Redis, so any instance can serve any step and no sticky sessions are needed. Without it the in-memory
    /// defaults stay. Decided on the final configuration, when services are first resolved; replaces the defaults
    /// explicitly, so it may be called before or after anything else.
    /// </summary>
    public static OAuthClientBuilder AddRedis(this OAuthClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RedisOptions>().BindConfigurationReportingProblems(RedisOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<RedisKeys>();
        services.TryAddSingleton<RedisAvailability>();
        services.TryAddSingleton<TokenSetProtector>();
        services.TryAddSingleton<IConnectionMultiplexer>(provider =>
        {
            var options = ConfigurationOptions.Parse(provider.GetRequiredService<IConfiguration>().GetConnectionString(RedisOptions.ConnectionStringName)!);
            options.AbortOnConnectFail = false; // start even while Redis is down; /health says so
            // While Redis is down, fail at once (a 503 page) instead of queueing every request for the sync timeout.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });

        Swap<ITokenStore, RedisTokenStore>(services);
        Swap<IStateReplayCache, RedisStateReplayCache>(services);
        Swap<IRefreshLease, RedisRefreshLease>(services);
        services.AddHostedService<RedisFirstDataProtectionKey>(); // one first key for every instance, before anything is served

        // After the app's own key storage (a folder, say): with Redis, every instance must read the same key ring.
        services.AddOptions<KeyManagementOptions>().PostConfigure<IServiceProvider>((keys, provider) =>
        {
            if (UsesRedis(provider))
            {
                keys.XmlRepository = new RedisXmlRepository(
                    () => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), provider.GetRequiredService<RedisKeys>().DataProtectionKeys);
            }
        });
        return builder;
    }

    /// <summary>Replaces the default with one that picks Redis when it is configured and the default otherwise.</summary>
    private static void Swap<TService, TRedis>(IServiceCollection services)
        where TService : class
        where TRedis : class, TService
    {
        var local = services.LastOrDefault(d => d.ServiceType == typeof(TService) && d.ImplementationType != typeof(TRedis))
            ?? throw new InvalidOperationException($"AddRedis needs AddOAuthClient, which registers the default {typeof(TService).Name}.");
        if (local.ImplementationType is not { } localType)
        {
            return; // already swapped (AddRedis called twice)
        }

        services.TryAddSingleton(localType);
        services.TryAddSingleton<TRedis>();
        services.Replace(ServiceDescriptor.Singleton<TService>(provider =>
            UsesRedis(provider) ? provider.GetRequiredService<TRedis>() : (TService)provider.GetRequiredService(localType)));
    }

    private static bool UsesRedis(IServiceProvider provider) => RedisOptions.IsConfigured(provider.GetRequiredService<IConfiguration>());
}
