using System.Net.Sockets;

namespace Edge.Service.Control;

/// <summary>
/// Prepares the control socket path before Kestrel binds it, and restricts it afterwards. A socket file left by a
/// crashed run is removed; one that still answers means another <c>edge-service</c> runs, which is a start-up error.
/// </summary>
public static class ControlSocket
{
    /// <summary>rw for the service user and the <c>edge</c> group (edgectl users), nothing for others.</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>Returns true when a stale socket was removed.</summary>
    public static bool Prepare(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            return false;
        }

        if (IsListening(path))
        {
            throw new InvalidOperationException($"another edge-service is already listening on the control socket {path}");
        }

        File.Delete(path);
        return true;
    }

    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Mode);
        }
    }

    public static bool IsListening(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
