using System.Collections.Concurrent;
using System.Diagnostics;

namespace OAuthWebClient.Testing;

/// <summary>
/// A process a test starts (the app, oidc-provider): its output kept for failure messages, bounded waits for its exit
/// or its first answer, and the whole process tree killed on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>What it wrote to standard output so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>What it wrote to standard error so far.</summary>
    public string Errors => string.Join('\n', _errors);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="start"/> with both output streams captured.</summary>
    public static ChildProcess Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits (bounded) for the process to exit; false when it is still running.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> (bounded) until it answers — with a success status when <paramref name="success"/> —
    /// while the process runs; the status, or null if it never did.
    /// </summary>
    public async Task<int?> WaitForAnswerAsync(Uri url, TimeSpan timeout, bool success = false)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (!success || response.IsSuccessStatusCode)
                {
                    return (int)response.StatusCode;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        return null;
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM, what an orchestrator sends: ASP.NET Core finishes the requests in flight) and
    /// waits (bounded) for it to exit; kills it when it does not. True when it stopped by itself.
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        if (await WaitForExitAsync(grace))
        {
            return true;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        return false;
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
}
