using System.Globalization;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;
using OAuthWebClient.Testing.Deployment;
using Xunit.Abstractions;

namespace OAuthWebClient.ScaleOutTests.Soak;

/// <summary>
/// The soak, short: the sandbox, the photos API and two client instances as real processes on loopback, sharing a
/// redis-server; eight sessions sign in and browse across both instances (round robin) while access tokens expire every
/// 12 s and instance 1 restarts halfway. <c>OAUTHWEBCLIENT_SOAK_SECONDS</c> makes it longer (default 40).
/// </summary>
public sealed class SoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(3);

    /// <summary>expires_in is whole seconds and the client notes the expiry when the answer arrives: a little earlier is fine.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1.5);

    private readonly List<IAsyncDisposable> _processes = [];

    [RedisFact(OwnServer = true)]
    public async Task Sessions_browsing_across_two_instances_while_one_restarts_lose_nothing_and_refresh_once_per_expiry()
    {
        var redis = await RedisServerProcess.StartNewAsync();
        _processes.Add(redis);
        var publicOrigin = new Uri($"http://localhost:{FreePort.Next()}/");
        var issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var sandbox = await StartAsync("Sandbox.AuthServer", issuer, "/.well-known/openid-configuration", new()
        {
            ["AuthServer__Issuer"] = issuer.AbsoluteUri,
            ["AuthServer__AccessTokenLifetime"] = AccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture),
            ["AuthServer__Clients__0__RedirectUris__0"] = new Uri(publicOrigin, "callback").AbsoluteUri,
            ["AuthServer__Clients__0__PostLogoutRedirectUris__0"] = new Uri(publicOrigin, "account/signed-out").AbsoluteUri,
            ["AuthServer__Clients__0__BackchannelLogoutUri"] = new Uri(publicOrigin, "backchannel-logout").AbsoluteUri,
        });
        var photos = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await StartAsync("Sandbox.PhotosApi", photos, "/", new() { ["PhotosApi__Authority"] = issuer.AbsoluteUri });
        var client = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OAuth__Authority"] = issuer.AbsoluteUri,
            ["OAuth__PublicOrigin"] = publicOrigin.AbsoluteUri,
            ["OAuth__RefreshBeforeExpiry"] = RefreshBeforeExpiry.ToString("c", CultureInfo.InvariantCulture),
            ["PhotosApi__BaseAddress"] = photos.AbsoluteUri,
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
        };
        var instances = new List<DotnetService>();
        foreach (var _ in (int[])[0, 1])
        {
            instances.Add(await StartAsync("OAuthWebClient", new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "/health/live", client));
        }

        var result = await SoakDriver.RunAsync(new SoakOptions
        {
            Sessions = 8,
            Duration = SoakDriver.DurationFromEnvironment(TimeSpan.FromSeconds(40)),
            PublicOrigin = publicOrigin,
            Instances = instances.Select(i => i.Url).ToList(),
            MidRun = () => instances[1].RestartAsync("/health/live"),
        });

        var grants = SandboxRefreshGrants.Parse(sandbox.Output);
        var gaps = SandboxRefreshGrants.Gaps(grants);
        output.WriteLine(result.ToString());
        output.WriteLine(SandboxRefreshGrants.Describe(grants));

        Assert.Empty(result.ServerErrors);
        Assert.Equal(0, result.LostSessions);
        Assert.All(result.Sessions, s => Assert.True(s.Requests > 10, $"Session {s.Index} made only {s.Requests} requests."));
        // Every session refreshed (the run outlasts a token), under its own authorization: one per sign-in, so no sign-in again ...
        Assert.Equal(8, grants.Count);
        // ... and once per expiry: a token is refreshed when it has less than RefreshBeforeExpiry left, so a session's next
        // refresh comes at least Lifetime − RefreshBeforeExpiry after its last. A double refresh (both instances redeeming the
        // same refresh token) is either refused by the sandbox (reuse, leeway 0: the family is revoked, the session lost, a new
        // authorization) or, were reuse allowed, two grants a request's time apart: each fails an assertion here.
        var earliest = AccessTokenLifetime - RefreshBeforeExpiry - Tolerance;
        Assert.All(gaps, gap => Assert.True(gap >= earliest, $"Two refreshes of one session {gap.TotalSeconds:0.0} s apart (less than {earliest.TotalSeconds} s)."));
    }

    private async Task<DotnetService> StartAsync(string project, Uri url, string probe, Dictionary<string, string?> environment)
    {
        var service = new DotnetService(project, url, environment);
        _processes.Add(service);
        await service.StartAsync(probe);
        return service;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
    }
}
