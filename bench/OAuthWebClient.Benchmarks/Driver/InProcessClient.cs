using Microsoft.Extensions.Configuration;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The library as <c>AddOAuthClient()</c> registers it (in-memory token store and replay cache, no event subscriber, no log
/// provider), with its back-channel wired to an <see cref="InProcessAuthorizationServer"/>: scenario 8 drives it in process.
/// </summary>
internal sealed class InProcessClient : IDisposable
{
    public const string ClientId = "bench-client";

    /// <summary>The client secret of the configurations that authenticate with one (only ever in this process).</summary>
    public const string ClientSecret = "bench-secret-0123456789abcdef";

    private readonly ServiceProvider _services;

    public InProcessClient(InProcessAuthorizationServer server, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OAuth:Authority"] = InProcessAuthorizationServer.Issuer,
            ["OAuth:ClientId"] = ClientId,
        }.Concat(settings)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOAuthClient();
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(server.CreateHandler));
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    /// <summary>The single provider's name: the key of its services.</summary>
    public string Provider => _services.GetRequiredService<ProviderNames>().All[0];

    public ISignInService SignIn => _services.GetRequiredService<ISignInService>();

    /// <summary>A request to the app as a browser sends it, at <c>https://app.bench.example</c>.</summary>
    public HttpContext NewContext(string path) => new DefaultHttpContext
    {
        RequestServices = _services,
        Request = { Scheme = "https", Host = new HostString("app.bench.example"), Path = path },
    };

    public void Dispose() => _services.Dispose();
}
