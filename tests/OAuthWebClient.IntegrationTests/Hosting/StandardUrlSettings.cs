using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Hosting;

/// <summary>
/// The committed settings name no URL, so the standard knobs decide where the app listens: <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> (what container images set) and <c>--urls</c>. The development URL
/// (http://localhost:5000) lives in the launch profile. A real process, as deployed.
/// </summary>
public sealed class StandardUrlSettings
{
    [Fact]
    public async Task ASPNETCORE_HTTP_PORTS_is_honoured()
    {
        var port = FreePort.Next();
        await using var app = AppProcess.Start(Settings(("ASPNETCORE_HTTP_PORTS", port.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(200, await app.WaitForAnswerAsync(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task ASPNETCORE_URLS_is_honoured()
    {
        var port = FreePort.Next();
        await using var app = AppProcess.Start(Settings(("ASPNETCORE_URLS", $"http://127.0.0.1:{port}")));

        Assert.Equal(200, await app.WaitForAnswerAsync(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task The_urls_argument_is_honoured()
    {
        var port = FreePort.Next();
        await using var app = AppProcess.Start(Settings(), $"--urls=http://127.0.0.1:{port}");

        Assert.Equal(200, await app.WaitForAnswerAsync(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(60)));
    }

    /// <summary>Production with an external authority that is not up: the home page needs no metadata.</summary>
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OAuth__Authority"] = $"http://127.0.0.1:{FreePort.Next()}/",
            ["PhotosApi__BaseAddress"] = "http://127.0.0.1:9/",
            ["DataProtection__KeysFolder"] = Path.Combine(Path.GetTempPath(), "owc-keys-" + Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
