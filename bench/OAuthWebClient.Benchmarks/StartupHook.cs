using System.Diagnostics;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS) the driver sets on every server it starts: when the driver's process
/// (BENCH_PARENT_PID) is gone, the server exits too, so no server outlives a killed benchmark run. It lives in the
/// global namespace, as the runtime requires, and touches nothing else in the process.
/// </summary>
#pragma warning disable CA1050 // The runtime looks the hook up by this exact name, outside any namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_PARENT_PID"), out var parentId))
        {
            return;
        }

        var thread = new Thread(() => WatchParent(parentId)) { IsBackground = true, Name = "bench-parent-watchdog" };
        thread.Start();
    }

    private static void WatchParent(int parentId)
    {
        while (true)
        {
            Thread.Sleep(1000);
            try
            {
                using var parent = Process.GetProcessById(parentId);
                if (parent.HasExited)
                {
                    Environment.Exit(0);
                }
            }
            catch (ArgumentException)
            {
                Environment.Exit(0);
            }
        }
    }
}
