using System.Diagnostics;

namespace OAuthWebClient.Testing;

/// <summary>
/// The client as an operator runs it: <c>dotnet OAuthWebClient.dll</c> from its build output (with the
/// appsettings.json beside it), as a real process, configured by environment variables and arguments only.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AppProcess(ChildProcess process) => _process = process;

    public string Output => _process.Output;

    public string Errors => _process.Errors;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts it. Variables set to null are removed from the inherited environment.</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["OAuthWebClient.dll", .. arguments])
        {
            WorkingDirectory = AppDirectory(),
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new AppProcess(ChildProcess.Start(start));
    }

    /// <summary>Waits (bounded) for the process to exit; false when it is still running.</summary>
    public Task<bool> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>Polls <paramref name="url"/> (bounded) until it answers; the status, or null if it never did.</summary>
    public Task<int?> WaitForAnswerAsync(Uri url, TimeSpan timeout) => _process.WaitForAnswerAsync(url, timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>src/OAuthWebClient/bin/{Configuration}/net10.0, the configuration this test assembly was built with.</summary>
    private static string AppDirectory() => BuildOutput.Directory("OAuthWebClient");

    private static string DotnetHost() => BuildOutput.DotnetHost();
}
