using System.Net;
using System.Text;
using OAuthWebClient.Benchmarks.Driver;

namespace OAuthWebClient.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: the bytes of the Cookie header a browser sends the client after a real sign-in at the sandbox
/// (target: ours ≤ 600 B), ours vs the peer, right after the callback and after the first page.
/// </summary>
internal static class CookieScenario
{
    public static async Task RunAsync(BenchContext context)
    {
        var (topology, report) = (context.Topology, context.Report);
        using var invoker = Http.CreateInvoker(4);
        report.Section("5. Cookie bytes after sign-in (the Cookie header sent with every request)");
        report.Line("| client | after the callback | after the first page | cookies (name: value bytes) |");
        report.Line("|---|---:|---:|---|");
        var sizes = new Dictionary<string, int>();
        foreach (var client in new[] { topology.OursSandbox, topology.PeerSandbox })
        {
            var browser = await SignIn.RunAsync(invoker, client);
            var afterCallback = Encoding.UTF8.GetByteCount(browser.CookieHeader(client.Origin));
            var page = await browser.GetAsync(new Uri(client.Origin, "/photos"), followRedirects: false);
            if (page.Status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{client.Name}: /photos answered HTTP {(int)page.Status} after sign-in.");
            }

            var afterPage = Encoding.UTF8.GetByteCount(browser.CookieHeader(client.Origin));
            sizes[client.Name] = Math.Max(afterCallback, afterPage);
            var cookies = string.Join(", ", browser.Cookies(client.Origin).Select(c => $"{c.Key}: {c.Value.Length}"));
            report.Line($"| {(client.IsOurs ? "ours" : "peer (AddOpenIdConnect, SaveTokens)")} | {Format.Bytes(afterCallback)} | {Format.Bytes(afterPage)} | {cookies} |");
        }

        report.Line();
        var ours = sizes[topology.OursSandbox.Name];
        var peer = sizes[topology.PeerSandbox.Name];
        report.Add(new SummaryRow(5, "Cookie bytes", "Cookie header after sign-in and first page", Format.Bytes(ours), Format.Bytes(peer),
            $"ours ÷ peer {Format.Number(ours / (double)peer, "0.00")}", "ours ≤ 600 B", ours <= 600));
        report.MarkRan(5);
    }
}
