using Microsoft.Extensions.Options;
using OAuthWebClient.Callback;
using OAuthWebClient.Login;
using OAuthWebClient.Logout;
using OAuthWebClient.Metadata;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.OAuth;

public static class OAuthClientExtensions
{
    /// <summary>The OAuth client: options, metadata, login transaction, callback checks, the token endpoint back-channel and the logout state.</summary>
    public static IHostApplicationBuilder AddOAuthClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OAuthClientOptions>().BindConfigurationReportingProblems(OAuthClientOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OAuthClientOptions>, OAuthClientOptionsValidator>();
        services.AddSingleton(TimeProvider.System);

        services.AddHttpClient(BackchannelClient.Name, ConfigureBackchannel).WithoutRedirects();
        services.AddHttpClient<TokenEndpointClient>(ConfigureBackchannel).WithoutRedirects();

        services.AddSingleton<ServerClock>();
        services.AddSingleton<ServerMetadataProvider>();
        services.AddHostedService<MetadataWarmup>();
        services.AddSingleton<TransactionCookies>();
        services.AddSingleton<StepUpScopes>();
        services.AddSingleton<IStateReplayCache, InMemoryStateReplayCache>();
        services.AddSingleton<IdTokenValidator>();
        services.AddTransient<CodeRedemption>();
        services.AddSingleton<LogoutState>();
        return builder;
    }

    /// <summary>
    /// Explicit timeout, no automatic redirects (<see cref="BackchannelHttp.WithoutRedirects"/>), no retries: a code is
    /// redeemed once (RFC 6749 §4.1.2).
    /// </summary>
    private static void ConfigureBackchannel(IServiceProvider services, HttpClient client) =>
        client.Timeout = services.GetRequiredService<IOptions<OAuthClientOptions>>().Value.BackchannelTimeout;
}
