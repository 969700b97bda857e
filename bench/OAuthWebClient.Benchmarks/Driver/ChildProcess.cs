using System.Collections.Concurrent;
using System.Net;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// A server the driver started (ours, the peer, the sandbox, the bare endpoint, Redis). Only the driver's own
/// children are ever stopped, by their process object. Their output is kept (last lines) for error reports.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly ConcurrentQueue<string> _output = new();
    private StreamWriter? _log;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        Process = process;
    }

    public string Name { get; }

    public Process Process { get; }

    public int Id => Process.Id;

    /// <summary>User + system CPU time of the process so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            Process.Refresh();
            return Process.TotalProcessorTime;
        }
    }

    /// <summary>Resident set size, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            Process.Refresh();
            return Process.WorkingSet64;
        }
    }

    public string OutputTail => string.Join(Environment.NewLine, _output);

    /// <summary>When set (<c>--logs DIR</c>), every server's whole output goes to DIR/name.log as well.</summary>
    public static string? LogDirectory { get; set; }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var child = new ChildProcess(name, process);
        if (LogDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            child._log = new StreamWriter(Path.Combine(directory, name + ".log"), append: false) { AutoFlush = true };
        }

        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Polls <paramref name="probe"/> until it answers with one of the expected statuses.</summary>
    public Task WaitReadyAsync(Uri probe, TimeSpan timeout, params HttpStatusCode[] expected) =>
        WaitReadyAsync(probe, timeout, TimeSpan.FromMilliseconds(200), expected);

    public async Task WaitReadyAsync(Uri probe, TimeSpan timeout, TimeSpan interval, params HttpStatusCode[] expected)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        await WaitUntilAsync(async () =>
        {
            using var response = await http.GetAsync(probe);
            return expected.Contains(response.StatusCode) ? null : $"HTTP {(int)response.StatusCode}";
        }, timeout, interval, probe.ToString());
    }

    /// <summary>
    /// Calls <paramref name="probe"/> every <paramref name="interval"/> until it returns null (ready; otherwise what it
    /// saw), this process exits, or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitUntilAsync(Func<Task<string?>> probe, TimeSpan timeout, TimeSpan interval, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        string? last = "no answer";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {Process.ExitCode}:{Environment.NewLine}{OutputTail}");
            }

            try
            {
                last = await probe();
                if (last is null)
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (Exception e) when (e is TaskCanceledException or TimeoutException)
            {
                last = "timeout";
            }

            await Task.Delay(interval);
        }

        throw new InvalidOperationException($"{Name} was not ready at {what} after {timeout.TotalSeconds:0} s ({last}):{Environment.NewLine}{OutputTail}");
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        Process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        lock (_output)
        {
            _log?.WriteLine(line);
        }

        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
