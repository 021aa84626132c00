using System.Net.Sockets;
using System.Text;

namespace Edge.Service.Systemd;

/// <summary>
/// sd_notify(3) without libsystemd: one datagram of newline-separated <c>KEY=VALUE</c> lines to the socket named by
/// <c>$NOTIFY_SOCKET</c>, a filesystem path or, with a leading '@', a name in Linux's abstract namespace.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endPoint;
    private readonly Lock _gate = new();

    private SystemdNotifier(string path)
    {
        Path = path;

        // '@' stands for the leading NUL of an abstract socket address (sd_notify(3)).
        _endPoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    public string Path { get; }

    /// <summary>The notifier for <c>$NOTIFY_SOCKET</c>, or null when the service does not run under a notify-type unit.</summary>
    public static SystemdNotifier? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? path = environment(SocketVariable);
        return path is { Length: > 1 } && (path[0] is '/' or '@') ? new SystemdNotifier(path) : null;
    }

    /// <summary>Sends the state lines; returns false when the datagram could not be delivered (systemd gone, socket full).</summary>
    public bool Notify(string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        byte[] datagram = Encoding.UTF8.GetBytes(state);
        lock (_gate)
        {
            try
            {
                _socket.SendTo(datagram, SocketFlags.None, _endPoint);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
