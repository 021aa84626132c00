using System.Threading.Channels;
using Edge.Dicom.Network.Storage;
using Edge.Service.Pipeline;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Forwarding;

/// <summary>
/// Queues every received original for the destinations that take originals, as it arrives and whatever the AI makes
/// of it. The SCP's call only hands the instance to a bounded channel (no store write, no network on the scanner's
/// time); this service's loop writes what has arrived to the store's forwarding queue, many instances per transaction,
/// and rings the forwarders. Each instance's file is already durable when it is handed over, and an entry lost before
/// it reached the store (a crash, a failed write) is queued again by <see cref="ForwardingRecovery"/> at the next start
/// and by the retention guard before any deletion.
/// </summary>
public sealed class OriginalsListener : BackgroundService, IInstanceListener
{
    /// <summary>
    /// Instances waiting for the store: a whole thin-slice series (a few thousand slices) at about 200 bytes each. When
    /// full (the store is stalled), the SCP's call writes its entry itself rather than drop or wait on the loop.
    /// </summary>
    public const int Capacity = 4096;

    /// <summary>Instances per store transaction: one commit writes a few index pages whatever its size.</summary>
    private const int BatchSize = 256;

    private readonly Channel<StoredInstance> _arrivals = Channel.CreateBounded<StoredInstance>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly EdgeStore _store;
    private readonly ForwardingPlan _plan;
    private readonly ForwardingDoorbell _doorbell;
    private readonly ILogger _logger;
    private long _enqueueFailures;

    public OriginalsListener(EdgeStore store, ForwardingPlan plan, ForwardingDoorbell doorbell, ILogger<OriginalsListener> logger)
    {
        _store = store;
        _plan = plan;
        _doorbell = doorbell;
        _logger = logger;
    }

    /// <summary>Instances that could not be queued when they arrived (recovery and retention queue them later; their files stay).</summary>
    public long EnqueueFailures => Interlocked.Read(ref _enqueueFailures);

    public void InstanceStored(StoredInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (_plan.ForwardsOriginals && !_arrivals.Writer.TryWrite(instance))
        {
            Write([instance]);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The SCP has stopped before this (it starts after and stops before): queue what it handed over.
        _arrivals.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Drain();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _arrivals.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Drain();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync drains the rest.
        }
    }

    private void Drain()
    {
        var batch = new List<StoredInstance>(BatchSize);
        while (_arrivals.Reader.TryRead(out StoredInstance? instance))
        {
            batch.Add(instance);
            if (batch.Count == BatchSize)
            {
                Write(batch);
                batch.Clear();
            }
        }

        Write(batch);
    }

    private void Write(IReadOnlyList<StoredInstance> instances)
    {
        if (instances.Count == 0)
        {
            return;
        }

        try
        {
            // Written, not fsync'ed: the files are durable already, and recovery recreates an entry lost to a power cut.
            _store.EnqueueForwarding([.. instances.SelectMany(i => ForwardingPlan.Requests(_plan.Originals, ForwardKind.Original, i.Path,
                i.StudyInstanceUid, i.SeriesInstanceUid, i.SopInstanceUid, i.SopClassUid))], Durability.Written);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Add(ref _enqueueFailures, instances.Count);
            ForwardingLog.EnqueueFailed(_logger, ex, instances.Count);
            return;
        }

        foreach (DestinationOptions destination in _plan.Originals)
        {
            _doorbell.Ring(destination.Name);
        }
    }
}
