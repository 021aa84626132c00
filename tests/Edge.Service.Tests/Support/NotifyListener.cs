using System.Net.Sockets;
using System.Text;

namespace Edge.Service.Tests.Support;

/// <summary>A real unix datagram socket standing in for systemd's notify socket; collects what arrives.</summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly List<(DateTime At, string Text)> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="address">A path, or "@name" for Linux's abstract namespace.</param>
    public NotifyListener(string address)
    {
        Address = address;
        _socket.Bind(new UnixDomainSocketEndPoint(address[0] == '@' ? "\0" + address[1..] : address));
        _loop = Task.Run(ReceiveAsync);
    }

    public string Address { get; }

    public IReadOnlyList<(DateTime At, string Text)> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public int Count(string line) => Messages.Count(m => m.Text.Split('\n').Contains(line));

    public async Task<IReadOnlyList<(DateTime At, string Text)>> WaitForAsync(Func<IReadOnlyList<(DateTime At, string Text)>, bool> done, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (done(Messages))
            {
                return Messages;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"timed out waiting for {what}; got: {string.Join(" | ", Messages.Select(m => m.Text.Replace('\n', ' ')))}");
        return [];
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                lock (_messages)
                {
                    _messages.Add((DateTime.UtcNow, Encoding.UTF8.GetString(buffer, 0, n)));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled receive.
        }

        _stop.Dispose();
    }
}
