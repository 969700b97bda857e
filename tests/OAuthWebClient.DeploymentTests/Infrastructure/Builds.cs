using System.Diagnostics;
using OAuthWebClient.Testing;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// Where the apps come from: the client published once per test run (<c>dotnet publish --no-build</c>, the configuration
/// these tests were built with), the sandbox from its build output — what an operator deploys and runs with <c>dotnet</c>.
/// </summary>
internal static class Builds
{
    private static readonly SemaphoreSlim PublishOnce = new(1, 1);
    private static string? s_published;

    /// <summary>e.g. <c>Debug</c>: the folder above this assembly's framework folder.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    /// <summary>The published client, without the settings file: everything comes from environment variables.</summary>
    public static async Task<string> PublishedClientAsync()
    {
        await PublishOnce.WaitAsync();
        try
        {
            return s_published ??= await PublishAsync();
        }
        finally
        {
            PublishOnce.Release();
        }
    }

    /// <summary><c>src/{project}/bin/{Configuration}/net10.0</c>, holding <c>{project}.dll</c>.</summary>
    public static string BuildOutput(string project)
    {
        var folder = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0");
        return File.Exists(Path.Combine(folder, project + ".dll")) ? folder : throw new InvalidOperationException($"{folder}/{project}.dll is missing: build the solution first.");
    }

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "owc-published-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(DotnetHost, ["publish", Path.Combine(RepositoryRoot, "src", "OAuthWebClient", "OAuthWebClient.csproj"), "--no-build", "-c", Configuration, "-o", output, "-v", "q", "-nologo"]);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        await using var publish = ChildProcess.Start(start);
        if (!await publish.WaitForExitAsync(TimeSpan.FromMinutes(3)) || publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{publish.Output}\n{publish.Errors}");
        }

        // The repository's appsettings.json is published beside the app; an operator's deployment sets everything by
        // environment variables, and so do these tests (RepositorySettings finds no repository above a temp folder).
        File.Delete(Path.Combine(output, "appsettings.json"));
        return output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OAuthWebClient.sln not found above " + AppContext.BaseDirectory);
    }
}
