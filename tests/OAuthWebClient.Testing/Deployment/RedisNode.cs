using System.Diagnostics;
using System.Globalization;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// One redis-server process of a cluster on a free loopback port, in its own folder (append-only file and
/// <c>nodes.conf</c>), so it can be killed and started again on the same port and data; and <c>redis-cli</c> against it.
/// </summary>
internal sealed class RedisNode : IAsyncDisposable
{
    private readonly string[] _arguments;
    private ChildProcess? _process;

    public RedisNode(string directory, IEnumerable<string> serverArguments)
    {
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        Port = FreePort.Next();
        _arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--save", "", "--appendonly", "yes", "--appendfsync", "always", .. serverArguments,
        ];
    }

    public int Port { get; }

    public string Directory { get; }

    public string Endpoint => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output => _process is null ? "" : _process.Output + "\n" + _process.Errors;

    /// <summary>Null when redis-server and redis-cli can be started here; otherwise why not.</summary>
    public static string? WhyUnavailable =>
        Find("redis-server") is null || Find("redis-cli") is null
            ? "redis-server or redis-cli is not on the PATH (sudo apt-get install redis-server)"
            : null;

    public void Start()
    {
        var start = new ProcessStartInfo(Find("redis-server") ?? throw new InvalidOperationException(WhyUnavailable));
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = ChildProcess.Start(start);
    }

    /// <summary>Kills the server, as a crash would (SIGKILL); every write it acknowledged is in its append-only file.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Runs <c>redis-cli -p {port} …</c>; its standard output, or null when the node did not answer.</summary>
    public Task<string?> CliAsync(params string[] arguments) =>
        RunCliAsync(["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), .. arguments]);

    /// <summary>Runs <c>redis-cli</c> with these arguments (bounded: 60 s); its standard output, or null when it failed.</summary>
    public static async Task<string?> RunCliAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Find("redis-cli") ?? throw new InvalidOperationException(WhyUnavailable));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await using var cli = ChildProcess.Start(start);
        if (!await cli.WaitForExitAsync(TimeSpan.FromSeconds(60)) || cli.ExitCode != 0)
        {
            return null;
        }

        var output = cli.Output;
        return output.StartsWith("Could not connect", StringComparison.Ordinal) || output.StartsWith("ERR", StringComparison.Ordinal) ? null : output;
    }

    /// <summary>One field of <c>INFO</c> or <c>CLUSTER INFO</c> output (<c>name:value</c> lines), or null.</summary>
    public static string? Field(string? info, string name) =>
        info?.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..];

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process: the temp folder is cleaned up by the system
        }
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
