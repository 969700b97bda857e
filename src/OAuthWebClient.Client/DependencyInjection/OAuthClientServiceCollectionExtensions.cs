using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Client.Claims;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Logout;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Presets;
using OAuthWebClient.Client.ProofOfPossession;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Client.Providers;
using OAuthWebClient.Client.Session;
using OAuthWebClient.Client.SignIn;
using OAuthWebClient.Client.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OAuth client.</summary>
public static class OAuthClientServiceCollectionExtensions
{
    /// <summary>
    /// The OAuth 2.0 / OpenID Connect client: <see cref="ISignInService"/>, <see cref="IUserTokenService"/>,
    /// <see cref="IBackchannelLogoutService"/>, the session
    /// cookie scheme (<see cref="OAuthClientDefaults.SessionScheme"/>), the server's metadata, the back-channel clients, and
    /// in-memory defaults for the <see cref="ITokenStore"/>, <see cref="IStateReplayCache"/> and <see cref="IRefreshLease"/>.
    /// Options come from the <c>OAuth</c> section, then <paramref name="configure"/>, and are validated at start. Defaults
    /// are added only where nothing is registered yet, so the order of calls does not matter; calling it twice is harmless.
    /// </summary>
    public static OAuthClientBuilder AddOAuthClient(this IServiceCollection services, Action<OAuthClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new OAuthClientBuilder(services);
        var optionsBuilder = services.AddOptions<OAuthClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(OAuthClientBuilder)))
        {
            return builder;
        }

        services.AddSingleton(builder);
        optionsBuilder.Configure<IConfiguration>((options, configuration) => ProviderPresets.Apply(configuration.GetSection(OAuthClientDefaults.SectionName), options))
            .BindConfigurationReportingProblems(OAuthClientDefaults.SectionName)
            .PostConfigure(ProviderPresets.AfterBinding)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OAuthClientOptions>, OAuthClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddDataProtection();

        services.AddHttpClient(BackchannelClient.Name, ConfigureBackchannel).WithoutRedirects();
        services.AddHttpClient(TokenEndpointClient.HttpClientName, ConfigureBackchannel).WithoutRedirects();

        services.TryAddSingleton<ProviderNames>();
        services.TryAddSingleton<ProviderRegistry>();
        services.TryAddSingleton<IOAuthProviders>(provider => provider.GetRequiredService<ProviderRegistry>());
        services.TryAddSingleton<ProviderServices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<OAuthClientOptions>, ProviderOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProviderValidation>());
        AddPerProvider(services);

        services.TryAddSingleton<ServerClock>();
        services.TryAddSingleton<IAuthorizationServerStatus>(provider =>
            provider.GetRequiredKeyedService<ServerMetadataProvider>(provider.GetRequiredService<ProviderNames>().All[0]));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetadataWarmup>());
        services.TryAddSingleton<EventDispatcher>();
        services.TryAddSingleton<TransactionCookies>();
        services.TryAddSingleton<LogoutState>();
        services.TryAddSingleton<SessionTokens>();
        services.TryAddSingleton<RefreshCoordinator>();
        services.TryAddSingleton<DPoPProofFactory>();
        services.TryAddSingleton<DPoPNonces>();
        services.TryAddSingleton<DPoPKeyCache>();
        services.TryAddSingleton<IClientJwks, ClientJwks>();

        // Swap points: one instance by default; OAuthWebClient.Client.Redis replaces them for several.
        services.TryAddSingleton<ITokenStore, InMemoryTokenStore>();
        services.TryAddSingleton<IStateReplayCache, InMemoryStateReplayCache>();
        services.TryAddSingleton<IRefreshLease, LocalRefreshLease>();

        // Transient: they use the token endpoint client, whose handlers the factory rotates.
        services.TryAddTransient<SessionSignIn>();
        services.TryAddTransient<TokenRevoker>();
        services.TryAddTransient<SignOutHandler>();
        services.TryAddTransient<ISignInService, SignInService>();
        services.TryAddTransient<IUserTokenService, UserTokenService>();
        services.TryAddSingleton<IBackchannelLogoutService, BackchannelLogoutService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BackchannelLogoutAnnouncement>());

        services.TryAddTransient<SessionCookieEvents>();
        services.AddAuthentication(authentication => authentication.DefaultScheme ??= OAuthClientDefaults.SessionScheme)
            .AddCookie(OAuthClientDefaults.SessionScheme);
        services.AddOptions<CookieAuthenticationOptions>(OAuthClientDefaults.SessionScheme)
            .Configure<IOptions<OAuthClientOptions>, IConfiguration>((cookie, oauth, configuration) => ConfigureSessionCookie(cookie, oauth.Value, configuration));
        return builder;
    }

    /// <summary>
    /// Adds a named provider in code, besides those under <c>OAuth:Providers</c> (its settings there, if any, are bound
    /// first, then <paramref name="configure"/>). Its redirect URI is <c>{CallbackPath}/{name}</c>.
    /// </summary>
    public static OAuthClientBuilder AddProvider(this OAuthClientBuilder builder, string name, Action<OAuthClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddSingleton(new ProviderRegistration(name));
        if (configure is not null)
        {
            builder.Services.Configure(name, configure);
        }

        return builder;
    }

    /// <summary>
    /// What each provider has of its own, keyed by provider name (<see cref="ProviderServices"/>): its options, metadata
    /// and keys, token endpoint client, ID token validation, and the steps of the flow that use them.
    /// </summary>
    private static void AddPerProvider(IServiceCollection services)
    {
        var any = KeyedService.AnyKey;
        services.TryAddKeyedSingleton<IOptions<OAuthClientOptions>>(any, (provider, key) =>
            Options.Options.Create(provider.GetRequiredService<ProviderRegistry>().Options((string)key!)));
        services.TryAddKeyedSingleton<ServerMetadataProvider>(any);
        services.TryAddKeyedSingleton<IAuthorizationServerStatus>(any, (provider, key) => provider.GetRequiredKeyedService<ServerMetadataProvider>(key));
        services.TryAddKeyedSingleton<IdTokenValidator>(any);
        services.TryAddKeyedSingleton<ClientAssertionKeys>(any);
        services.TryAddKeyedSingleton<ClientAssertionFactory>(any);
        services.TryAddKeyedSingleton<ClientAuthenticator>(any);
        services.TryAddKeyedSingleton<LogoutTokenValidator>(any);
        services.TryAddKeyedTransient<TokenEndpointClient>(any, (provider, key) => new TokenEndpointClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(TokenEndpointClient.HttpClientName),
            provider.GetRequiredService<EventDispatcher>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredKeyedService<IOptions<OAuthClientOptions>>(key),
            provider.GetRequiredKeyedService<ClientAuthenticator>(key),
            provider.GetRequiredService<DPoPProofFactory>(),
            provider.GetRequiredService<DPoPNonces>(),
            provider.GetRequiredService<ILogger<TokenEndpointClient>>()));
        services.TryAddKeyedTransient<SignInStarter>(any);
        services.TryAddKeyedTransient<CodeRedemption>(any);
        services.TryAddKeyedTransient<SignInClaims>(any);
        services.TryAddKeyedTransient<UserInfoClient>(any);
        services.TryAddKeyedTransient<CallbackHandler>(any);
        services.TryAddKeyedTransient<TokenRefresher>(any);
    }

    /// <summary>
    /// Adds an observer of the client's events (<see cref="OAuthClientEvents"/>), as a singleton. Several may be added;
    /// each is told every event.
    /// </summary>
    public static OAuthClientBuilder AddEvents<TEvents>(this OAuthClientBuilder builder)
        where TEvents : OAuthClientEvents
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<OAuthClientEvents, TEvents>());
        return builder;
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions cookie, OAuthClientOptions oauth, IConfiguration configuration)
    {
        var https = CookieSecurity.ServedOverHttps(configuration, oauth);
        cookie.Cookie.Name = CookieSecurity.Name(CookieSecurity.SessionCookie, https);
        cookie.Cookie.HttpOnly = true;
        // Lax: the sign-in completes on a cross-site redirect chain, which Strict cookies would not follow.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.Path = "/";
        cookie.ExpireTimeSpan = oauth.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = oauth.LoginPath;
        cookie.EventsType = typeof(SessionCookieEvents);
    }

    /// <summary>
    /// Explicit timeout, no automatic redirects (<see cref="BackchannelHttp.WithoutRedirects"/>), no retries: a code is
    /// redeemed once (RFC 6749 §4.1.2).
    /// </summary>
    private static void ConfigureBackchannel(IServiceProvider services, HttpClient client) =>
        client.Timeout = services.GetRequiredService<IOptions<OAuthClientOptions>>().Value.BackchannelTimeout;
}
