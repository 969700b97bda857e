using System.Net;
using System.Net.Sockets;

namespace OAuthWebClient.Testing;

/// <summary>A loopback port nobody listens on right now, chosen by the operating system.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
