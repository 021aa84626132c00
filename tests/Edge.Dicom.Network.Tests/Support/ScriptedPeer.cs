using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Edge.Dicom.Network.Pdus;
using Edge.Dicom.Network.Protocol;

namespace Edge.Dicom.Network.Tests.Support;

/// <summary>
/// A raw-socket DICOM peer driven by a test script: it sends exact bytes and expects exact PDUs, so state-machine paths
/// real peers rarely take (collisions, aborts mid-message, rejects, garbage) can be played against Edge.
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private byte[] _pending = [];

    private ScriptedPeer(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
    }

    public static async Task<ScriptedPeer> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new ScriptedPeer(socket);
    }

    /// <summary>Creates a connected pair: the scripted peer and the socket for the Edge side.</summary>
    public static async Task<(ScriptedPeer Peer, Socket Edge)> CreatePairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        Task<Socket> accept = listener.AcceptAsync();
        ScriptedPeer peer = await ConnectAsync(((IPEndPoint)listener.LocalEndPoint!).Port);
        return (peer, await accept);
    }

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    public Task SendAsync(Pdu pdu) => SendAsync(PduBytes.Encode(pdu));

    /// <summary>Reads exactly one PDU within the wait, failing the test on EOF or timeout.</summary>
    public async Task<Pdu> ExpectPduAsync(TimeSpan? wait = null)
    {
        using var cts = new CancellationTokenSource(wait ?? DefaultWait);
        while (true)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(_pending));
            if (PduReader.TryParse(ref reader, new PduLimits { MaxDataPduLength = 64 * 1024 * 1024 }, out Pdu? pdu))
            {
                // Data slices point into _pending, so hand out a copy before trimming.
                if (pdu is DataTransferPdu data)
                {
                    pdu = new DataTransferPdu([.. data.Values.Select(v => v with { Data = new ReadOnlySequence<byte>(v.Data.ToArray()) })]);
                }

                _pending = _pending[(int)reader.Consumed..];
                return pdu;
            }

            byte[] chunk = new byte[65536];
            int n = await _socket.ReceiveAsync(chunk, SocketFlags.None, cts.Token);
            Assert.True(n > 0, $"Edge closed the connection while a PDU was expected ({_pending.Length} bytes pending).");
            _pending = [.. _pending, .. chunk.AsSpan(0, n)];
        }
    }

    /// <summary>Expects the next PDU to be exactly these bytes.</summary>
    public async Task ExpectExactAsync(byte[] expected, TimeSpan? wait = null)
    {
        using var cts = new CancellationTokenSource(wait ?? DefaultWait);
        while (_pending.Length < expected.Length)
        {
            byte[] chunk = new byte[65536];
            int n = await _socket.ReceiveAsync(chunk, SocketFlags.None, cts.Token);
            Assert.True(n > 0, $"Edge closed the connection after {_pending.Length} of {expected.Length} expected bytes.");
            _pending = [.. _pending, .. chunk.AsSpan(0, n)];
        }

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(_pending[..expected.Length]));
        _pending = _pending[expected.Length..];
    }

    public async Task<T> ExpectAsync<T>(TimeSpan? wait = null)
        where T : Pdu => Assert.IsType<T>(await ExpectPduAsync(wait));

    /// <summary>Asserts Edge sends nothing more and closes within the wait.</summary>
    public async Task ExpectClosedAsync(TimeSpan? wait = null)
    {
        Assert.Empty(_pending);
        using var cts = new CancellationTokenSource(wait ?? DefaultWait);
        byte[] chunk = new byte[4096];
        try
        {
            int n = await _socket.ReceiveAsync(chunk, SocketFlags.None, cts.Token);
            Assert.True(n == 0, $"Edge sent {n} more bytes (first 0x{chunk[0]:X2}) instead of closing.");
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // A reset is also a close.
        }
    }

    /// <summary>Reads and discards whatever Edge sends until it closes; fails if it does not close in time.</summary>
    public async Task DrainUntilClosedAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        byte[] chunk = new byte[4096];
        try
        {
            while (await _socket.ReceiveAsync(chunk, SocketFlags.None, cts.Token) > 0)
            {
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset)
        {
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Edge did not close the connection within {wait.TotalSeconds} s.");
        }
    }

    public void Close() => _socket.Close();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
