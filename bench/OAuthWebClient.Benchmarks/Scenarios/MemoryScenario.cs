using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: the client's working set after N sign-ins (ours with sessions in Redis; the peer keeps them in cookies),
/// read from fresh processes: after a warm-up, then after the sign-ins, each time after two idle seconds.
/// </summary>
internal static class MemoryScenario
{
    public static async Task RunAsync(BenchContext context)
    {
        var (options, topology, report) = (context.Options, context.Topology, context.Report);
        var connections = Math.Max(1, options.Connections / 2);
        var clients = new Dictionary<string, ClientApp>
        {
            ["ours (sessions in Redis)"] = topology.OursFastRedis,
            ["peer (AddOpenIdConnect)"] = topology.PeerFast,
        };
        report.Section($"7. Memory: working set after {options.SignIns:N0} sign-ins");
        report.Line("| client | working set after warm-up | after sign-ins | growth | per sign-in | sign-ins/s | failed sign-ins |");
        report.Line("|---|---:|---:|---:|---:|---:|---:|");
        var after = new Dictionary<string, long>();
        var succeeded = true;
        foreach (var (name, client) in clients)
        {
            using var invoker = Http.CreateInvoker(connections);
            var warmup = await Load.RunAllAsync(new int[options.Quick ? 20 : 300], connections, _ => FlowSteps.SignInAsync(invoker, client, topology.FastServer), server: null);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = client.Process.WorkingSet;
            var signIns = await Load.RunAllAsync(new int[options.SignIns], connections, _ => FlowSteps.SignInAsync(invoker, client, topology.FastServer), client.Process);
            await Task.Delay(TimeSpan.FromSeconds(2));
            after[name] = client.Process.WorkingSet;
            succeeded &= warmup.Errors == 0 && signIns.Operations > signIns.Errors;
            report.Line($"| {name} | {Format.Megabytes(before)} | {Format.Megabytes(after[name])} | {Format.Megabytes(after[name] - before)} | {Format.Bytes((after[name] - before) / (double)options.SignIns)} | {Format.Number(signIns.PerSecond)} | {signIns.Errors} |");
        }

        report.Line();
        var ours = after["ours (sessions in Redis)"];
        var peer = after["peer (AddOpenIdConnect)"];
        report.Add(new SummaryRow(7, "Memory", $"working set after {options.SignIns:N0} sign-ins, ours ÷ peer",
            Format.Megabytes(ours), Format.Megabytes(peer), Format.Number(ours / (double)peer, "0.00"), "≤ 1.0", ours <= peer));
        if (succeeded)
        {
            report.MarkRan(7);
        }
    }
}
