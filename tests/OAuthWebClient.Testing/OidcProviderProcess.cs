using System.Collections.Concurrent;
using System.Diagnostics;

namespace OAuthWebClient.Testing;

/// <summary>
/// panva's oidc-provider (<c>tests/OidcProvider/server.mjs</c>, run with <c>node</c>) on a free loopback port: a second,
/// independent authorization server. Waits for its discovery document, keeps its output for failure messages, and is
/// killed on dispose. Needs <c>npm ci --prefix tests/OidcProvider</c> first (<c>.ci/run</c> does it).
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private OidcProviderProcess(Process process, Uri issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:{port}</c> (no trailing slash, as oidc-provider spells it).</summary>
    public Uri Issuer { get; }

    /// <summary>Everything it printed so far (stdout and stderr); <c>server.mjs</c> prints one line per POST, never a token.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<OidcProviderProcess> StartAsync(OidcProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.Combine(RepositoryRoot(), "tests", "OidcProvider");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed: run `npm ci --prefix tests/OidcProvider` ({directory}/node_modules is missing).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OP_CLIENT_ID"] = settings.ClientId;
        start.Environment["OP_CLIENT_SECRET"] = settings.ClientSecret;
        start.Environment["OP_REDIRECT_URI"] = settings.RedirectUri.AbsoluteUri;
        start.Environment["OP_POST_LOGOUT_REDIRECT_URI"] = settings.PostLogoutRedirectUri.AbsoluteUri;
        start.Environment["OP_PHOTOS_RESOURCE"] = settings.PhotosResource;
        start.Environment["OP_ACCESS_TOKEN_TTL"] = ((int)settings.AccessTokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed (Debian package nodejs; .ci/run installs it).", e);
        }

        var op = new OidcProviderProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) op._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) op._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await op.WaitForDiscoveryAsync(TimeSpan.FromSeconds(60));
        return op;
    }

    private async Task WaitForDiscoveryAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var discovery = new Uri(Issuer, "/.well-known/openid-configuration");
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(discovery);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await DisposeAsync();
        throw new InvalidOperationException($"oidc-provider did not publish {discovery} within {timeout.TotalSeconds} s. Its output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OAuthWebClient.sln) was not found above " + AppContext.BaseDirectory);
    }
}
