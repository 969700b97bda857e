using System.Net;
using System.Net.Sockets;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>Free loopback ports, chosen by the OS (all held until every one is chosen, so they differ).</summary>
internal static class Ports
{
    public static int[] Allocate(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
