using OAuthWebClient.Testing;

namespace MinimalApi.Tests;

/// <summary>
/// The sandbox authorization server and photos API started standalone, each with its own appsettings.json, and the
/// sample pointed at them — on free loopback ports. Only the ports differ from the shipped settings: the sandbox's
/// minimal-sample registration (Clients:1) gets this run's redirect and back-channel logout URIs.
/// </summary>
public sealed class StandaloneSandbox : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<DotnetApp> _apps = [];

    public Uri AuthServer { get; private set; } = null!;

    public Uri PhotosApi { get; private set; } = null!;

    /// <summary>The sample on <c>localhost</c>, the sandbox on <c>127.0.0.1</c>: different sites, as with the defaults.</summary>
    public Uri Sample { get; private set; } = null!;

    /// <summary>Everything the three apps wrote, for a failure message.</summary>
    public string Output => string.Join("\n\n", _apps.Select(app => $"--- {app.Name} ---\n{app.Output}"));

    public async Task InitializeAsync()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
        {
            ports.Add(FreePort.Next());
        }

        var (authPort, photosPort, samplePort) = (ports.ElementAt(0), ports.ElementAt(1), ports.ElementAt(2));
        AuthServer = new Uri($"http://127.0.0.1:{authPort}/");
        PhotosApi = new Uri($"http://127.0.0.1:{photosPort}/");
        Sample = new Uri($"http://localhost:{samplePort}/");

        var authServer = Start(
            "src/Sandbox.AuthServer",
            $"--urls=http://127.0.0.1:{authPort}",
            $"--AuthServer:Issuer={AuthServer}",
            $"--AuthServer:Clients:1:RedirectUris:0={Sample}callback",
            $"--AuthServer:Clients:1:PostLogoutRedirectUris:0={Sample}signed-out",
            $"--AuthServer:Clients:1:BackchannelLogoutUri={Sample}backchannel-logout");
        var photosApi = Start("src/Sandbox.PhotosApi", $"--urls=http://127.0.0.1:{photosPort}", $"--PhotosApi:Authority={AuthServer}");
        var sample = Start(
            "samples/MinimalApi",
            $"--urls=http://localhost:{samplePort}",
            $"--OAuth:Authority={AuthServer}",
            $"--PhotosApi:BaseAddress={PhotosApi}");

        await authServer.WaitUntilAnswersAsync(new Uri(AuthServer, ".well-known/openid-configuration"), StartTimeout);
        await photosApi.WaitUntilAnswersAsync(new Uri(PhotosApi, "photos"), StartTimeout);
        await sample.WaitUntilAnswersAsync(Sample, StartTimeout);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    private DotnetApp Start(string projectFolder, params string[] arguments)
    {
        var app = DotnetApp.Start(projectFolder, arguments);
        _apps.Add(app);
        return app;
    }
}
