using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Callback;
using OAuthWebClient.Tokens;
using StackExchange.Redis;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.ScaleOut;

public static class ScaleOutExtensions
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, tokens, used states, refresh leases and Data Protection keys live in
    /// Redis, so any instance can serve any step and no sticky sessions are needed. Without it, everything stays in
    /// this process and the keys in a folder. Decided on the final configuration, when services are first resolved.
    /// </summary>
    public static IHostApplicationBuilder AddScaleOut(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RedisOptions>().BindConfigurationReportingProblems(RedisOptions.SectionName).ValidateOnStart();
        services.AddOptions<DataProtectionKeysOptions>().BindConfigurationReportingProblems(DataProtectionKeysOptions.SectionName).ValidateOnStart();
        services.AddSingleton<RedisKeys>();
        services.AddSingleton<RedisAvailability>();
        services.AddSingleton<TokenSetProtector>();
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var options = ConfigurationOptions.Parse(provider.GetRequiredService<IConfiguration>().GetConnectionString("Redis")!);
            options.AbortOnConnectFail = false; // start even while Redis is down; /health says so
            // While Redis is down, fail at once (a 503 page) instead of queueing every request for the sync timeout.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });

        Swap<ITokenStore, InMemoryTokenStore, RedisTokenStore>(services);
        Swap<IStateReplayCache, InMemoryStateReplayCache, RedisStateReplayCache>(services);
        Swap<IRefreshLease, LocalRefreshLease, RedisRefreshLease>(services);

        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            keys.XmlRepository = UsesRedis(provider)
                ? new RedisXmlRepository(() => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), provider.GetRequiredService<RedisKeys>().DataProtectionKeys)
                : new FileSystemXmlRepository(
                    new DirectoryInfo(provider.GetRequiredService<IOptions<DataProtectionKeysOptions>>().Value.EffectiveKeysFolder),
                    provider.GetRequiredService<ILoggerFactory>());
        });
        return builder;
    }

    private static void Swap<TService, TLocal, TRedis>(IServiceCollection services)
        where TService : class
        where TLocal : class, TService
        where TRedis : class, TService
    {
        services.TryAddSingleton<TLocal>();
        services.TryAddSingleton<TRedis>();
        services.Replace(ServiceDescriptor.Singleton<TService>(provider =>
            UsesRedis(provider) ? provider.GetRequiredService<TRedis>() : provider.GetRequiredService<TLocal>()));
    }

    private static bool UsesRedis(IServiceProvider provider) => RedisOptions.IsConfigured(provider.GetRequiredService<IConfiguration>());
}
