using Edge.Dicom.Network.Client;
using Edge.Service.Configuration;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Forwarding;

/// <summary>
/// Retention's check before it deletes a series' received files: while originals are forwarded, every file must have
/// gone to every originals destination (sent or dead-lettered). A file with a pending item is kept; a file with no item
/// at all (its enqueue failed as it arrived) is queued now and kept. So no acknowledged image is deleted unforwarded.
/// </summary>
public sealed class ForwardingRetentionGuard(EdgeStore store, ForwardingPlan plan, ForwardingDoorbell doorbell, EdgeSettings settings,
    ILogger<ForwardingRetentionGuard> logger)
{
    /// <summary>True when every file under <paramref name="directory"/> is done with forwarding.</summary>
    public bool MayDelete(SeriesRecord series, string directory)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!Directory.Exists(directory))
        {
            return true;
        }

        bool mayDelete = true;
        var late = new List<ForwardRequest>();
        foreach (string path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            // Items of destinations no longer configured do not count (start-up dead-letters them); a disabled one's do:
            // disabling a destination pauses it.
            ForwardItem[] items = [.. store.GetForwardItemsOf(path).Where(i => plan.IsConfigured(i.Destination))];
            if (items.Any(i => i.State == ForwardState.Pending))
            {
                mayDelete = false;
                continue;
            }

            DestinationOptions[] missing = [.. plan.Originals.Where(d => !items.Any(i => i.Destination == d.Name))];
            if (missing.Length > 0)
            {
                mayDelete = false;
                if (SendableInstance.TryOpen(path, out SendableInstance? instance, out _))
                {
                    late.AddRange(ForwardingPlan.Requests(missing, ForwardKind.Original, path, series.StudyInstanceUid, series.SeriesInstanceUid,
                        instance!.SopInstanceUid, instance.SopClassUid));
                }
            }
        }

        if (late.Count > 0)
        {
            store.EnqueueForwarding(late);
            ForwardingLog.RequeuedUnforwarded(logger, late.Count, directory);
            doorbell.RingAll();
        }

        return mayDelete;
    }

    /// <summary>
    /// Prunes finished items past <c>Forwarding:FinishedRetentionDays</c>, and deletes result objects (one folder per
    /// result) older than the received files' keep window once none of their files waits to be forwarded.
    /// </summary>
    public void Prune(DateTimeOffset now)
    {
        int days = settings.Forwarding.FinishedRetentionDays;
        int pruned = store.PruneForwarding(now - TimeSpan.FromDays(days));
        if (pruned > 0)
        {
            ForwardingLog.Pruned(logger, pruned, days);
        }

        string root = settings.ResultObjectsRoot;
        if (!Directory.Exists(root))
        {
            return;
        }

        DateTime cutoff = (now - TimeSpan.FromHours(settings.Storage.KeepReceivedHours)).UtcDateTime;
        foreach (string result in Directory.EnumerateDirectories(root))
        {
            string[] files = Directory.GetFiles(result, "*", SearchOption.AllDirectories);
            if (files.Any(f => File.GetLastWriteTimeUtc(f) > cutoff || store.GetForwardingOf(f).Pending > 0))
            {
                continue;
            }

            try
            {
                Directory.Delete(result, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ServiceLog.PurgeFailed(logger, result, ex.Message);
            }
        }
    }
}
