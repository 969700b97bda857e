using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// A private redis-server process on a free loopback port, with append-only persistence (fsync on every write), so a
/// test can stop it (SIGKILL, as a crash) and start it again on the same port and data — a real outage and recovery.
/// </summary>
public sealed class RedisServerProcess : IRedisDeployment
{
    private readonly string _directory = Directory.CreateTempSubdirectory("owc-redis-").FullName;
    private Process? _process;

    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    /// <summary>Null when redis-server can be started here; otherwise why not.</summary>
    public static string? WhyUnavailable => FindServer() is null ? "redis-server is not on the PATH (sudo apt-get install redis-server)" : null;

    /// <summary>A new server on a free port with an empty folder, serving when this returns.</summary>
    public static async Task<RedisServerProcess> StartNewAsync()
    {
        var redis = new RedisServerProcess(FreePort.Next());
        await redis.StartAsync();
        return redis;
    }

    /// <summary>Kills the server, as a crash would; every write before it is on disk.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Starts the server (again) on the same port and folder, and waits (bounded) until it answers PING; nothing when it
    /// runs already (a second server could not bind the port, and the PING would reach the first, left untracked).
    /// </summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        _process?.Dispose();
        var start = new ProcessStartInfo(FindServer() ?? throw new InvalidOperationException(WhyUnavailable))
        {
            ArgumentList =
            {
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "yes", "--appendfsync", "always", "--dir", _directory,
            },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100 && !_process.HasExited; attempt++)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},abortConnect=true,connectTimeout=500");
                await connection.GetDatabase().PingAsync(); // LOADING (replaying the AOF) throws too: try again
                return;
            }
            catch (RedisException)
            {
                await Task.Delay(100);
            }
        }

        var exited = _process.HasExited;
        await StopAsync();
        throw new InvalidOperationException($"redis-server on port {Port} {(exited ? "exited (is the port taken?)" : "did not answer")}.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string? FindServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}
