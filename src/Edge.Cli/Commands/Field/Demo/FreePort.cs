using System.Net;
using System.Net.Sockets;

namespace Edge.Cli.Commands.Field.Demo;

/// <summary>A TCP port the kernel just handed out on loopback, released for the caller to bind (the window is milliseconds).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
