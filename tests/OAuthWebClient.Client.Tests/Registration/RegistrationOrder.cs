using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;

namespace OAuthWebClient.Client.Tests.Registration;

/// <summary>
/// What the library promises about registration: defaults are added only where nothing is registered, so the order
/// of calls does not matter, calling twice is harmless, and the session scheme does not clash with an app's own.
/// </summary>
public sealed class RegistrationOrder
{
    private static ServiceCollection Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuth:Authority"] = "https://as.example/",
            ["OAuth:ClientId"] = "registration-test",
            ["OAuth:ClientSecret"] = "registration-test-secret",
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        return services;
    }

    [Fact]
    public void Calling_it_twice_registers_one_session_scheme_and_applies_both_configure_delegates()
    {
        var services = Services();
        services.AddOAuthClient(o => o.Scope = "openid first");
        services.AddOAuthClient(o => o.Scope += " second");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("openid first second", provider.GetRequiredService<IOptions<OAuthClientOptions>>().Value.Scope);
        var schemes = provider.GetRequiredService<IOptions<AuthenticationOptions>>().Value.Schemes;
        Assert.Single(schemes, s => s.Name == OAuthClientDefaults.SessionScheme);
    }

    [Fact]
    public async Task An_apps_own_cookie_scheme_lives_beside_the_session_scheme()
    {
        var services = Services();
        services.AddAuthentication().AddCookie(); // ASP.NET Core's default "Cookies"
        services.AddOAuthClient();
        using var provider = services.BuildServiceProvider();

        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(CookieAuthenticationDefaults.AuthenticationScheme));
        Assert.NotNull(await schemes.GetSchemeAsync(OAuthClientDefaults.SessionScheme));
        Assert.NotEqual(CookieAuthenticationDefaults.AuthenticationScheme, OAuthClientDefaults.SessionScheme);
    }

    [Fact]
    public void The_session_scheme_is_the_default_unless_the_app_chose_one()
    {
        var ours = Services();
        ours.AddOAuthClient();
        var theirs = Services();
        theirs.AddAuthentication("AppScheme");
        theirs.AddOAuthClient();
        using var oursProvider = ours.BuildServiceProvider();
        using var theirsProvider = theirs.BuildServiceProvider();

        Assert.Equal(OAuthClientDefaults.SessionScheme, oursProvider.GetRequiredService<IOptions<AuthenticationOptions>>().Value.DefaultScheme);
        Assert.Equal("AppScheme", theirsProvider.GetRequiredService<IOptions<AuthenticationOptions>>().Value.DefaultScheme);
    }

    [Fact]
    public void A_store_the_app_registered_first_is_kept()
    {
        var services = Services();
        services.AddSingleton<ITokenStore, AppTokenStore>();
        services.AddOAuthClient();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AppTokenStore>(provider.GetRequiredService<ITokenStore>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddRedis_without_a_connection_string_keeps_the_in_memory_defaults_in_either_order(bool redisFirst)
    {
        var services = Services();
        if (redisFirst)
        {
            services.AddOAuthClient().AddRedis();
            services.AddOAuthClient(o => o.Scope = "openid later");
        }
        else
        {
            services.AddOAuthClient(o => o.Scope = "openid later");
            services.AddOAuthClient().AddRedis().AddRedis();
        }

        using var provider = services.BuildServiceProvider();

        Assert.Equal("InMemoryTokenStore", provider.GetRequiredService<ITokenStore>().GetType().Name);
        Assert.Equal("openid later", provider.GetRequiredService<IOptions<OAuthClientOptions>>().Value.Scope);
    }

    [Fact]
    public void AddRedis_with_a_connection_string_swaps_the_stores_whatever_came_first()
    {
        var services = Services(("ConnectionStrings:Redis", "127.0.0.1:1,abortConnect=false,connectTimeout=100"));
        services.AddOAuthClient().AddRedis();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("RedisTokenStore", provider.GetRequiredService<ITokenStore>().GetType().Name);
        Assert.Equal("RedisStateReplayCache", provider.GetRequiredService<IStateReplayCache>().GetType().Name);
        Assert.Equal("RedisRefreshLease", provider.GetRequiredService<IRefreshLease>().GetType().Name);
    }

    private sealed class AppTokenStore : ITokenStore
    {
        public Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> RemoveByProviderSessionAsync(string issuer, string? providerSessionId, string? subject, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
