using System.Net;
using System.Net.Sockets;

namespace Edge.Dicom.Network.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port free right now (the OS picks it); peers started with it bind it moments later.</summary>
    public static int Get()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
