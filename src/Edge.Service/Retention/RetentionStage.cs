using Edge.Dicom.Network.Storage;
using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Forwarding;
using Edge.Service.Health;
using Edge.Service.Pipeline;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Retention;

/// <summary>
/// Retention, every <c>Storage:RetentionIntervalSeconds</c>: deletes the received files of processed series once their
/// keep window (<c>Storage:KeepReceivedHours</c>) has passed; earlier, oldest first, while storage is over
/// <c>Storage:QuotaBytes</c> or free space is short; and prunes old results, audit events and finished outbox
/// entries (<c>Store:*RetentionDays</c>). Series that are still receiving, queued or in processing are never touched.
/// </summary>
public sealed class RetentionStage(
    EdgeStore store,
    SeriesCompletionTracker tracker,
    StorageUsage usage,
    StageHealth health,
    EdgeSettings settings,
    ILogger<RetentionStage> logger,
    ForwardingRetentionGuard? forwarding = null)
    : PipelineStage("retention", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    /// <summary>Series looked at per query; a pass loops until nothing more is due.</summary>
    private const int Batch = 64;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval = TimeSpan.FromSeconds(settings.Storage.RetentionIntervalSeconds);
        DateTimeOffset nextPass = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (Time.GetUtcNow() >= nextPass)
            {
                Monitor.Busy("retention pass", TimeSpan.FromSeconds(settings.Pipeline.AssemblyStallSeconds));
                RunPass();
                Monitor.Done();
                nextPass = Time.GetUtcNow() + interval;
            }

            Monitor.Idle();
            TimeSpan wait = nextPass - Time.GetUtcNow();
            await Task.Delay(wait < StageHealth.IdleBeatInterval ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : StageHealth.IdleBeatInterval, Time, stoppingToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>One pass; public so tests can drive it with a simulated clock.</summary>
    public void RunPass()
    {
        DateTimeOffset now = Time.GetUtcNow();
        (int expired, long expiredBytes) = Purge(now - TimeSpan.FromHours(settings.Storage.KeepReceivedHours));
        if (expired > 0)
        {
            ServiceLog.FilesPurged(Logger, expired, expiredBytes / 1048576.0, string.Empty);
        }

        if (usage.Refresh().OverLimit)
        {
            (int early, long earlyBytes) = PurgeWhile(() => usage.Current.OverLimit);
            if (early > 0)
            {
                ServiceLog.FilesPurged(Logger, early, earlyBytes / 1048576.0, " before their keep window, to free space");
            }

            StorageUsage.Figures figures = usage.Current;
            if (figures.OverLimit)
            {
                ServiceLog.QuotaExceeded(Logger, figures.UsedBytes / 1048576.0, settings.Storage.QuotaBytes / 1048576.0, figures.FreeBytes / 1048576.0);
            }
        }

        store.Prune();
        forwarding?.Prune(now);
    }

    private (int Series, long Bytes) Purge(DateTimeOffset cutoff)
    {
        int series = 0;
        long bytes = 0;
        HashSet<string> skipped = new(StringComparer.Ordinal);
        while (true)
        {
            List<SeriesRecord> due = [.. store.ListSeriesWithFilesBefore(cutoff, Batch + skipped.Count).Where(s => !skipped.Contains(s.SeriesInstanceUid))];
            if (due.Count == 0)
            {
                return (series, bytes);
            }

            foreach (SeriesRecord record in due)
            {
                if (!IsFinished(record) || Delete(record) is not { } deleted)
                {
                    skipped.Add(record.SeriesInstanceUid);
                    continue;
                }

                bytes += deleted;
                series++;
            }
        }
    }

    private (int Series, long Bytes) PurgeWhile(Func<bool> overLimit)
    {
        int series = 0;
        long bytes = 0;
        foreach (SeriesRecord record in store.ListSeriesWithFilesBefore(Time.GetUtcNow(), int.MaxValue))
        {
            if (!overLimit())
            {
                break;
            }

            if (IsFinished(record) && Delete(record) is { } deleted)
            {
                bytes += deleted;
                series++;
            }
        }

        return (series, bytes);
    }

    // Done or failed, and no new instance waiting in the tracker: nothing will read these files again.
    private bool IsFinished(SeriesRecord record) =>
        record.State is SeriesState.Done or SeriesState.Failed
        && tracker.Get(record.SeriesInstanceUid)?.Status != SeriesStatus.Receiving;

    /// <summary>Deletes a series' received files; returns the bytes freed, or null when the deletion failed.</summary>
    private long? Delete(SeriesRecord record)
    {
        long bytes = 0;
        string directory = record.StoragePath!;
        if (forwarding is not null && !forwarding.MayDelete(record, directory))
        {
            // Not yet at every originals destination: kept until forwarded or dead-lettered.
            return null;
        }

        try
        {
            if (Directory.Exists(directory) && IsUnder(directory, settings.Dicom.StorageRoot))
            {
                bytes = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                Directory.Delete(directory, recursive: true);
                string? study = Path.GetDirectoryName(directory);
                if (study is not null && !Directory.EnumerateFileSystemEntries(study).Any())
                {
                    Directory.Delete(study);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ServiceLog.PurgeFailed(Logger, directory, ex.Message);
            return null;
        }

        store.MarkFilesPurged(record.SeriesInstanceUid);
        tracker.Forget(record.SeriesInstanceUid);
        usage.Subtract(bytes);
        return bytes;
    }

    private static bool IsUnder(string path, string root)
    {
        string full = Path.GetFullPath(path), top = Path.GetFullPath(root).TrimEnd('/') + "/";
        return full.StartsWith(top, StringComparison.Ordinal) && !full.Contains("/" + InstanceStore.IncomingDirectoryName + "/", StringComparison.Ordinal);
    }
}
