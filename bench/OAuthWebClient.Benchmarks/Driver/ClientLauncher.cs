namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// Starts ours and the peer as their own processes, as users run them: their own binary from this output folder,
/// their own appsettings.json, Production, and only the keys they need on the command line.
/// </summary>
internal sealed class ClientLauncher(BenchOptions options, Uri photosApi, string redis, string workDir, IReadOnlyDictionary<string, string?> environment)
{
    /// <summary>The servers' environment: Production, no stray configuration, the watchdog hook.</summary>
    public IReadOnlyDictionary<string, string?> Environment => environment;

    /// <summary>Ours with the Redis store under <paramref name="prefix"/>, or the in-memory store (keys in a folder of its own) when null.</summary>
    public ChildProcess Ours(string name, Uri origin, Uri authority, string? prefix, IEnumerable<string>? extra = null, string? workingDirectory = null) =>
        ChildProcess.Start(name, DotnetHost.Path, OursArguments(origin, authority, prefix, Path.Combine(workDir, name + "-keys")).Concat(extra ?? []), environment, workingDirectory);

    public ChildProcess Peer(string name, Uri origin, Uri authority)
    {
        List<string> args =
        [
            "PeerApp.dll",
            $"--urls={origin.GetLeftPart(UriPartial.Authority)}",
            $"--Peer:Authority={authority}",
            $"--Peer:ClientId={Topology.PeerClientId}",
            $"--Peer:ClientSecret={Topology.PeerClientSecret}",
            $"--Peer:PhotosApi={photosApi}",
        ];
        return ChildProcess.Start(name, DotnetHost.Path, WithLogLevel(args), environment);
    }

    private List<string> OursArguments(Uri origin, Uri authority, string? prefix, string keysFolder)
    {
        List<string> args =
        [
            "OAuthWebClient.dll", // from the working directory: this output folder, or the candidate's
            $"--urls={origin.GetLeftPart(UriPartial.Authority)}",
            $"--OAuth:Authority={authority}",
            $"--OAuth:ClientId={Topology.OursClientId}",
            $"--OAuth:ClientSecret={Topology.OursClientSecret}",
            $"--PhotosApi:BaseAddress={photosApi}",
        ];
        if (prefix is null)
        {
            args.Add($"--DataProtection:KeysFolder={keysFolder}");
        }
        else
        {
            args.Add($"--ConnectionStrings:Redis={redis}");
            args.Add($"--Redis:KeyPrefix={prefix}");
        }

        return WithLogLevel(args);
    }

    private List<string> WithLogLevel(List<string> args)
    {
        if (options.LogLevel is { } level)
        {
            args.Add($"--Logging:LogLevel:Default={level}");
        }

        return args;
    }
}
