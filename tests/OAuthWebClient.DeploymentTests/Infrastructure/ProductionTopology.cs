using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using OAuthWebClient.Testing;
using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// What an operator runs, on loopback: nginx terminating TLS (a certificate made for this run) round robin in front of two
/// published client processes, a Redis (given by <see cref="ProductionTopology(Func{Task{IRedisDeployment}})"/>: one
/// server, or a cluster in a subclass), and the sandbox authorization server and photos API as processes. A test that
/// breaks a part restores it (<see cref="RestoreAsync"/>), so one topology serves a whole collection.
/// </summary>
public class ProductionTopology : IAsyncLifetime
{
    /// <summary>80 s tokens with the client's default 60 s refresh window: fresh for 20 s, then refreshed while browsing.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(80);

    private readonly Func<Task<IRedisDeployment>> _startRedis;
    private readonly string _folder = Directory.CreateTempSubdirectory("owc-topology-").FullName;
    private readonly string _clientSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly List<ServiceProcess> _processes = [];
    private readonly TestKeyFiles _keyFiles = new();

    protected ProductionTopology(Func<Task<IRedisDeployment>> startRedis) => _startRedis = startRedis;

    /// <summary>The public origin, <c>https://localhost:{nginx port}/</c>.</summary>
    public Uri Origin { get; } = new($"https://localhost:{FreePort.Next()}/");

    public Uri Issuer { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public Uri PhotosApiOrigin { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    /// <summary>The two client instances' direct addresses, <c>http://127.0.0.1:{port}/</c> (nginx's upstreams).</summary>
    public IReadOnlyList<Uri> InstanceOrigins { get; } = [new($"http://127.0.0.1:{FreePort.Next()}/"), new($"http://127.0.0.1:{FreePort.Next()}/")];

    public IReadOnlyList<ServiceProcess> Instances { get; private set; } = [];

    public ServiceProcess AuthServer { get; private set; } = null!;

    public ServiceProcess PhotosApi { get; private set; } = null!;

    public ServiceProcess Nginx { get; private set; } = null!;

    public IRedisDeployment Redis { get; private set; } = null!;

    public TestCertificate Certificate { get; private set; } = null!;

    /// <summary>The certificate and key (one PEM file) the instances encrypt the Data Protection key ring with (<c>DataProtection__CertificateFile</c>).</summary>
    public string DataProtectionCertificateFile { get; private set; } = "";

    /// <summary>The nginx configuration in use (the template filled in).</summary>
    public string NginxConfiguration { get; private set; } = "";

    /// <summary>How long publishing and starting everything took, step by step (for the operations guide, never asserted).</summary>
    public IReadOnlyList<string> Timings => _timings;

    private readonly List<string> _timings = [];

    /// <summary>Everything every process printed, for a failure message.</summary>
    public string Output => string.Join("\n\n", _processes.Select(p => $"--- {p.Name} ---\n{p.Output}"));

    /// <summary>How many refreshes the instances logged ("refreshed its tokens", event 3005), both instances together.</summary>
    public int Refreshes => Instances.Sum(i => CountOf(i.Output, "refreshed its tokens"));

    /// <summary>The environment each client instance gets: all of its settings (the published folder has no appsettings.json).</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment(Uri instance) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = instance.GetLeftPart(UriPartial.Authority),
        ["AllowedHosts"] = "localhost;127.0.0.1",
        ["OAuth__Authority"] = Issuer.AbsoluteUri,
        ["OAuth__ClientId"] = "oauth-web-client",
        ["OAuth__ClientSecret"] = _clientSecret,
        ["OAuth__Scope"] = "openid profile offline_access photos",
        ["OAuth__PublicOrigin"] = Origin.GetLeftPart(UriPartial.Authority),
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.2",
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["DataProtection__CertificateFile"] = DataProtectionCertificateFile,
        ["PhotosApi__BaseAddress"] = PhotosApiOrigin.AbsoluteUri,
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning",
    };

    public async Task InitializeAsync()
    {
        if (DeploymentFactAttribute.WhyUnavailable is not null && !BrowserTests.Infrastructure.Chromium.RunningInCi)
        {
            return; // every test is skipped
        }

        var clock = Stopwatch.StartNew();
        var published = await Builds.PublishedClientAsync();
        Step("dotnet publish (once per run)", clock);
        Certificate = TestCertificate.Create(_folder);
        DataProtectionCertificateFile = _keyFiles.RsaCertificate();
        Redis = await _startRedis();
        Step("Redis", clock);

        AuthServer = Add(new ServiceProcess("authorization server", AuthServerStart, ServiceProcess.AnswersAt(new Uri(Issuer, ".well-known/openid-configuration"))));
        PhotosApi = Add(new ServiceProcess("photos API", PhotosApiStart, ServiceProcess.AnswersAt(new Uri(PhotosApiOrigin, "photos"))));
        await Task.WhenAll(AuthServer.StartAsync(), PhotosApi.StartAsync());
        Step("authorization server and photos API", clock);

        Instances = [.. InstanceOrigins.Select((origin, i) => Add(new ServiceProcess($"client instance {i + 1} ({origin})", () => ClientStart(published, origin), ServiceProcess.ReadyAt(new Uri(origin, "health/ready")))))];
        await Task.WhenAll(Instances.Select(i => i.StartAsync()));
        Step("two client instances", clock);

        var nginxFolder = Directory.CreateDirectory(Path.Combine(_folder, "nginx")).FullName;
        NginxConfiguration = NginxProcess.Configuration(nginxFolder, Origin.Port, InstanceOrigins.Select(o => o.Port), Certificate);
        Nginx = Add(NginxProcess.Create(nginxFolder, NginxConfiguration, Origin, Certificate));
        await Nginx.StartAsync();
        Step("nginx", clock);
    }

    /// <summary>
    /// A third instance, not behind nginx, on <paramref name="origin"/>: the instances' environment changed by
    /// <paramref name="change"/> (e.g. without <c>OAuth__PublicOrigin</c>). The caller disposes it.
    /// </summary>
    public async Task<ServiceProcess> StartExtraInstanceAsync(Uri origin, Action<Dictionary<string, string>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var published = await Builds.PublishedClientAsync();
        var instance = new ServiceProcess($"extra instance ({origin})", () => ClientStart(published, origin, change), ServiceProcess.AnswersAt(new Uri(origin, "health/live")));
        await instance.StartAsync();
        return instance;
    }

    /// <summary>Starts again whatever a test stopped, so the next test finds the whole topology.</summary>
    public async Task RestoreAsync()
    {
        await Redis.StartAsync();
        foreach (var process in _processes.Where(p => !p.IsRunning))
        {
            await process.StartAsync();
        }
    }

    /// <summary>A client for the public origin: trusts this run's certificate only, its own cookies, no redirects followed.</summary>
    public HttpClient NewHttpClient(CookieContainer? cookies = null) =>
        new(Certificate.TrustingHandler(cookies)) { BaseAddress = Origin, Timeout = TimeSpan.FromSeconds(30) };

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        Certificate?.Dispose();
        _keyFiles.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProcess Add(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private void Step(string what, Stopwatch clock) =>
        _timings.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {clock.Elapsed.TotalSeconds:0.0} s since start"));

    private ProcessStartInfo ClientStart(string published, Uri instance, Action<Dictionary<string, string>>? change = null)
    {
        var start = DotnetStart(published, "OAuthWebClient.dll");
        var environment = new Dictionary<string, string>(ClientEnvironment(instance));
        change?.Invoke(environment);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private ProcessStartInfo AuthServerStart()
    {
        var start = DotnetStart(Builds.BuildOutput("Sandbox.AuthServer"), "Sandbox.AuthServer.dll");
        var client = "AuthServer__Clients__0__";
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["URLS"] = Issuer.GetLeftPart(UriPartial.Authority),
            ["AuthServer__Issuer"] = Issuer.AbsoluteUri,
            ["AuthServer__AccessTokenLifetime"] = AccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture),
            // Signing and encryption keys and the database survive a restart: issued refresh tokens stay valid.
            ["AuthServer__KeysFolder"] = Path.Combine(_folder, "authserver-keys"),
            ["AuthServer__ConnectionString"] = $"Data Source={Path.Combine(_folder, "authserver.db")}",
            [client + "ClientId"] = "oauth-web-client",
            [client + "ClientSecret"] = _clientSecret,
            [client + "RedirectUris__0"] = new Uri(Origin, "callback").AbsoluteUri,
            [client + "PostLogoutRedirectUris__0"] = new Uri(Origin, "account/signed-out").AbsoluteUri,
            [client + "BackchannelLogoutUri"] = new Uri(Origin, "backchannel-logout").AbsoluteUri,
            // Its back-channel logout calls go through nginx: trust this run's certificate (OpenSSL reads SSL_CERT_FILE).
            ["SSL_CERT_FILE"] = Certificate.CertificatePath,
        })
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private ProcessStartInfo PhotosApiStart()
    {
        var start = DotnetStart(Builds.BuildOutput("Sandbox.PhotosApi"), "Sandbox.PhotosApi.dll");
        start.Environment["URLS"] = PhotosApiOrigin.GetLeftPart(UriPartial.Authority);
        start.Environment["PhotosApi__Authority"] = Issuer.AbsoluteUri;
        return start;
    }

    /// <summary><c>dotnet {dll}</c> in <paramref name="folder"/>, with no URLs or environment name inherited from the test runner.</summary>
    private static ProcessStartInfo DotnetStart(string folder, string dll)
    {
        var start = new ProcessStartInfo(Builds.DotnetHost, [dll]) { WorkingDirectory = folder };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        return start;
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
