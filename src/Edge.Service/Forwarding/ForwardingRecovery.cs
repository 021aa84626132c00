using Edge.Dicom.Network.Client;
using Edge.Dicom.Network.Storage;
using Edge.Service.Configuration;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Forwarding;

/// <summary>
/// Once at start: queues every received original that has no forwarding item for each originals destination. The
/// received tree is the durable record of what the modality was told is stored; a queue entry written just before a
/// power cut (the listener does not fsync it) or a failed enqueue is made good here. Files older than the finished-item
/// retention are skipped: their items may have been pruned after they were sent.
/// </summary>
public sealed class ForwardingRecovery(EdgeStore store, ForwardingPlan plan, ForwardingDoorbell doorbell, EdgeSettings settings, TimeProvider time,
    ILogger<ForwardingRecovery> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int orphans = store.DeadLetterUnconfigured(plan.Configured);
        if (orphans > 0)
        {
            ForwardingLog.Unconfigured(logger, orphans);
        }

        if (!plan.ForwardsOriginals)
        {
            return Task.CompletedTask;
        }

        // A scan of a day's files takes seconds; off the start-up path, so the SCP opens at once.
        return Task.Factory.StartNew(() =>
        {
            try
            {
                int queued = Run(stoppingToken);
                if (queued > 0)
                {
                    ForwardingLog.Recovered(logger, queued);
                    doorbell.RingAll();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ForwardingLog.RecoveryFailed(logger, ex);
            }
        }, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues what is missing; returns how many items were queued.</summary>
    public int Run(CancellationToken cancellationToken = default)
    {
        string root = settings.Dicom.StorageRoot;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        DateTime oldest = (time.GetUtcNow() - TimeSpan.FromDays(settings.Forwarding.FinishedRetentionDays)).UtcDateTime;
        int queued = 0;
        var batch = new List<ForwardRequest>();
        foreach (string study in Directory.EnumerateDirectories(root))
        {
            if (Path.GetFileName(study) == InstanceStore.IncomingDirectoryName)
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(study, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (File.GetLastWriteTimeUtc(file) < oldest || store.GetForwardingOf(file).Items >= plan.Originals.Count
                    || !SendableInstance.TryOpen(file, out SendableInstance? instance, out _))
                {
                    continue;
                }

                string series = Path.GetFileName(Path.GetDirectoryName(file)!);
                batch.AddRange(ForwardingPlan.Requests(plan.Originals, ForwardKind.Original, file, Path.GetFileName(study), series,
                    instance!.SopInstanceUid, instance.SopClassUid)
                    .Where(r => !store.HasForwardItem(r.Destination, r.SopInstanceUid)));
                if (batch.Count >= 256)
                {
                    queued += store.EnqueueForwarding(batch);
                    batch.Clear();
                }
            }
        }

        return queued + store.EnqueueForwarding(batch);
    }
}
