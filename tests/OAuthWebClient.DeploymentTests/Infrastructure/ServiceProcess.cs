using System.Diagnostics;
using OAuthWebClient.Testing;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// One process of the topology (a client instance, the sandbox, nginx) that a test can kill and start again with the
/// same command line, ports and files, as an operator's crash and restart. Keeps the output of every run for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Func<ProcessStartInfo> _startInfo;
    private readonly Func<ChildProcess, Task<bool>> _ready;
    private readonly List<string> _earlierRuns = [];
    private ChildProcess? _process;

    public ServiceProcess(string name, Func<ProcessStartInfo> startInfo, Func<ChildProcess, Task<bool>> ready)
    {
        Name = name;
        _startInfo = startInfo;
        _ready = ready;
    }

    public string Name { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything it printed, every run (stdout and stderr).</summary>
    public string Output => string.Join("\n", [.. _earlierRuns, _process is null ? "" : Describe(_process)]);

    /// <summary>Starts it and waits (bounded) until it is ready; throws with its output if it never is.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            _earlierRuns.Add(Describe(_process));
            await _process.DisposeAsync();
        }

        _process = ChildProcess.Start(_startInfo());
        if (!await _ready(_process))
        {
            var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"was not ready within {StartTimeout.TotalSeconds} s";
            throw new InvalidOperationException($"{Name} {state}. Its output:\n{Describe(_process)}");
        }
    }

    /// <summary>Kills it (the whole process tree, as a crash would) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            _earlierRuns.Add(Describe(_process));
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>
    /// A rolling restart: SIGTERM (requests in flight finish; bounded, 30 s, then killed), then started again with the same
    /// command line and ports.
    /// </summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            await _process.TerminateAsync(TimeSpan.FromSeconds(30));
        }

        await StartAsync();
    }

    /// <summary>Ready when <paramref name="url"/> answers (any status), polling within the start timeout.</summary>
    public static Func<ChildProcess, Task<bool>> AnswersAt(Uri url) =>
        async process => await process.WaitForAnswerAsync(url, StartTimeout) is not null;

    /// <summary>Ready when <paramref name="url"/> answers 2xx (a readiness probe: its dependencies are reachable), polling within the start timeout.</summary>
    public static Func<ChildProcess, Task<bool>> ReadyAt(Uri url) =>
        async process => await process.WaitForAnswerAsync(url, StartTimeout, success: true) is not null;

    public ValueTask DisposeAsync() => _process?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static string Describe(ChildProcess process) => process.Output + "\n" + process.Errors;
}
