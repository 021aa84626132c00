using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Edge.Dicom.Network.Association;
using Edge.Dicom.Network.Protocol;
using Edge.Dicom.Network.Storage;
using Edge.Dicom.Network.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Dicom.Network.Server;

/// <summary>
/// The C-ECHO/C-STORE SCP: accepts TCP connections and runs each association on its own task. The accept loop never
/// stops for an association's sake; associations beyond <see cref="DicomServerOptions.MaxAssociations"/> get a
/// transient A-ASSOCIATE-RJ, and every PDU any association holds comes out of one shared memory budget.
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly DicomServerOptions _options;
    private readonly IStorageEvents _events;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Task> _associations = new();
    private readonly CancellationTokenSource _stopping = new();
    private ScpContext? _context;
    private Socket? _listener;
    private Task? _acceptLoop;
    private long _nextId;
    private int _open;

    public DicomServer(DicomServerOptions options, IStorageEvents? events = null, ILogger<DicomServer>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _events = events ?? NullStorageEvents.Instance;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Free bytes of the storage file system; replaced by tests to simulate a full disk.</summary>
    internal Func<string, long>? FreeSpaceProbe { get; set; }

    /// <summary>Where the server listens (the real port when <see cref="DicomServerOptions.Port"/> is 0).</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint as IPEndPoint;

    /// <summary>Associations that sent an A-ASSOCIATE-RQ and are not finished.</summary>
    public int ActiveAssociations => _context?.Limiter.Active ?? 0;

    /// <summary>Connections currently open, idle ones awaiting their A-ASSOCIATE-RQ included.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>
    /// Open connections of any kind (idle, garbage, over the association limit and being rejected) are capped at twice
    /// the association limit plus 16; beyond that a flood is closed on accept, and the association request timeout
    /// clears idle ones. The listener itself never stops accepting.
    /// </summary>
    public int HardConnectionLimit => (_options.MaxAssociations * 2) + 16;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> errors = DicomServerOptionsValidator.Validate(_options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid DICOM server options:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        var store = new InstanceStore(_options.StorageRoot, _options.DuplicatePolicy, _logger);
        store.Recover();
        var callers = new List<AllowedCaller>();
        foreach (string entry in _options.AllowedCallingAeTitles)
        {
            AllowedCaller.TryParse(entry, out AllowedCaller? caller);
            AllowedCaller resolved = caller!.Resolve();
            if (resolved.Host is not null && resolved.Addresses.Count == 0)
            {
                NetworkLog.HostNotResolved(_logger, entry);
            }

            callers.Add(resolved);
        }

        var limits = new PduLimits { MaxDataPduLength = (uint)_options.MaxPduLength };
        _context = new ScpContext(
            _options,
            new ScpNegotiator(_options.EffectiveTransferSyntaxes, _options.SopClasses),
            store,
            new DiskSpaceMonitor(store.Root, _options.MinimumFreeDiskBytes, FreeSpaceProbe),
            new MemoryBudget(_options.InFlightMemoryLimit),
            new AssociationLimiter(_options.MaxAssociations),
            callers,
            _events,
            limits,
            new UpperLayerTimeouts(_options.ArtimTimeout, _options.SocketTimeout),
            _logger);

        IPAddress address = IPAddress.Parse(_options.BindAddress);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                listener.DualMode = true;
            }

            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(address, _options.Port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        NetworkLog.Listening(_logger, _options.AeTitle, listener.LocalEndPoint!.ToString()!, store.Root);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, aborts every association (A-ABORT) and waits for them to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        await Task.WhenAll(_associations.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (stopping.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // EMFILE, ECONNABORTED...: one failed accept must not end the listener.
                NetworkLog.AcceptFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            int open = Interlocked.Increment(ref _open);
            if (open > HardConnectionLimit)
            {
                Interlocked.Decrement(ref _open);
                NetworkLog.ConnectionRefused(_logger, socket.RemoteEndPoint?.ToString() ?? "?", open - 1, HardConnectionLimit);
                socket.Close(0);
                continue;
            }

            long id = Interlocked.Increment(ref _nextId);
            var association = new ScpAssociation(_context!, socket, id);
            _associations[id] = RunAssociationAsync(association, id, stopping);
        }
    }

    private async Task RunAssociationAsync(ScpAssociation association, long id, CancellationToken stopping)
    {
        // Yield so the accept loop goes straight back to accepting.
        await Task.Yield();
        try
        {
            await association.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A bug in one association must not take the server down with it.
            NetworkLog.AssociationCrashed(_logger, id, ex);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            _associations.TryRemove(id, out _);
        }
    }
}
