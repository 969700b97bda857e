using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Testing;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Logout;

/// <summary>
/// The library as <c>AddOAuthClient()</c> registers it — in-memory token store and replay cache — with its back-channel
/// going to a <see cref="ScriptedAuthorizationServer"/> (metadata, JWKS) that signs the logout tokens, and a fake clock.
/// </summary>
internal sealed class BackchannelLogoutFixture : IDisposable
{
    private readonly ServiceProvider _provider;

    public BackchannelLogoutFixture(params (string Key, string Value)[] settings)
    {
        Server = new ScriptedAuthorizationServer(time: Time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuth:Authority"] = Server.Issuer,
            ["OAuth:ClientId"] = ScriptedAuthorizationServer.ClientId,
            ["OAuth:ClientSecret"] = ScriptedAuthorizationServer.ClientSecret,
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddOAuthClient().AddEvents<RecordingEvents>();
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(Server.CreateHandler));
        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(TestOptions.Start);

    public ScriptedAuthorizationServer Server { get; }

    public LogCapture Logs { get; } = new();

    public IBackchannelLogoutService Service => _provider.GetRequiredService<IBackchannelLogoutService>();

    public ITokenStore Store => _provider.GetRequiredService<ITokenStore>();

    public IReadOnlyCollection<BackchannelLogoutContext> Events => _provider.GetServices<OAuthClientEvents>().OfType<RecordingEvents>().Single().Received;

    /// <summary>A stored session signed in at the scripted server as <paramref name="subject"/> in its session <paramref name="sid"/>.</summary>
    public async Task<string> SignedInAsync(string subject, string? sid, string? issuer = null)
    {
        var sessionId = "session-" + Guid.NewGuid().ToString("N");
        await Store.SetAsync(sessionId, new TokenSet
        {
            AccessToken = "at-" + sessionId,
            ExpiresAt = Time.GetUtcNow().AddMinutes(5),
            Scope = "openid",
            Issuer = issuer ?? Server.Issuer,
            Subject = subject,
            ProviderSessionId = sid,
        }, default);
        return sessionId;
    }

    public async Task<bool> IsSignedInAsync(string sessionId) => await Store.GetAsync(sessionId, default) is not null;

    /// <summary>A well-formed logout token, after <paramref name="edit"/>.</summary>
    public string Token(string? subject, string? sid, Action<Dictionary<string, object>>? edit = null, string? type = "logout+jwt")
    {
        var claims = Server.LogoutTokenClaims(subject, sid);
        edit?.Invoke(claims);
        return Server.SignLogoutToken(claims, type);
    }

    public Task<BackchannelLogoutResult> HandleAsync(string token, string? provider = null) => Service.HandleAsync(provider, token);

    public void Dispose() => _provider.Dispose();

    private sealed class RecordingEvents : OAuthClientEvents
    {
        public ConcurrentQueue<BackchannelLogoutContext> Received { get; } = new();

        public override Task BackchannelLogoutReceived(BackchannelLogoutContext context)
        {
            Received.Enqueue(context);
            return Task.CompletedTask;
        }
    }
}
