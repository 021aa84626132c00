using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;
using Edge.Imaging.Completion;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>
/// Stage 1, the SCP's events. The instance is already durable on disk when <see cref="InstanceStored"/> runs (the SCP
/// fsyncs file and directory first), so the handler only counts it and tells the completion tracker: a few dictionary
/// operations under one lock. Receiving therefore never waits on assembly or inference; and if the process dies
/// before the series completes, the start-up rescan of the received tree finds the files again. The pre-decode stage
/// hears of instances as an <see cref="IInstanceListener"/> and of closes from here; it only enqueues.
/// </summary>
public sealed class PipelineStorageEvents(
    SeriesCompletionTracker tracker,
    ReceptionStats stats,
    IEnumerable<IInstanceListener> listeners,
    PredecodeStage predecode,
    ScreeningSupersession supersession,
    ILogger<PipelineStorageEvents> logger)
    : IStorageEvents
{
    private readonly IInstanceListener[] _listeners = [.. listeners];

    private readonly StorageCompletionEvents _tracking = new(tracker);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, bool> _open = new();

    public void AssociationOpened(AssociationInfo association)
    {
        ArgumentNullException.ThrowIfNull(association);
        _open[association.Id] = true;
        stats.Opened();
        _tracking.AssociationOpened(association);
    }

    public void InstanceStored(StoredInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        stats.Stored(instance.SizeBytes);
        _tracking.InstanceStored(instance);
        supersession.InstanceArrived(instance.SeriesInstanceUid);
        foreach (IInstanceListener listener in _listeners)
        {
            listener.InstanceStored(instance);
        }
    }

    public void AssociationClosed(AssociationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (_open.TryRemove(summary.Id, out _))
        {
            stats.Closed(summary.InstancesFailed);
        }

        _tracking.AssociationClosed(summary);
        predecode.AssociationClosed(summary.Id, summary.EndReason == AssociationEndReason.Released);

        // AE titles, address, counts and timings: no patient data.
        ServiceLog.AssociationEnded(logger, summary.ToString());
    }
}
