using Edge.Imaging.Completion;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Store;
using Edge.Store.Documents;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>
/// Stages 2 and 3: takes series the tracker declares complete (through the monitor's bounded channel) and commits each
/// as a job in the persistent queue, with its series record, in one synced transaction; then rings the assembly stage.
/// Each completion is a new generation of the series: a late instance or a re-send makes the series run again.
/// </summary>
public sealed class CompletionStage(
    SeriesCompletionMonitor monitor,
    EdgeStore store,
    JobDoorbell doorbell,
    StageHealth health,
    EdgeSettings settings,
    ILogger<CompletionStage> logger)
    : PipelineStage("completion", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        monitor.Start();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (await WaitToReadAsync(monitor.Completed, stoppingToken).ConfigureAwait(false))
        {
            while (monitor.Completed.TryRead(out CompletedSeries? completed))
            {
                Monitor.Busy("queueing a completed series", TimeSpan.FromSeconds(settings.Pipeline.StallSeconds));
                Commit(completed);
                Monitor.Done();
            }
        }
    }

    private void Commit(CompletedSeries completed)
    {
        (DateTimeOffset first, DateTimeOffset last, string? path) = Arrivals(completed);
        SeriesRecord series = store.GetSeries(completed.SeriesInstanceUid) ?? new SeriesRecord
        {
            SeriesInstanceUid = completed.SeriesInstanceUid,
            FirstReceivedAt = first,
        };
        series.StudyInstanceUid = completed.StudyInstanceUid;
        series.Generation++;
        series.State = SeriesState.Queued;
        series.InstanceCount = completed.Instances.Count;
        series.LastReceivedAt = last;
        series.StoragePath = path is not null ? Path.GetDirectoryName(path) : series.StoragePath;
        series.FilesPurgedAt = null;
        series.FailureReason = null;

        // Leased in the same commit and handed over: the assembly stage's own lease was one more transaction on the
        // series' critical path.
        JobRecord job = store.CompleteSeries(series, doorbell.Owner, out _, out bool leased);
        if (leased && !doorbell.TryHand(job))
        {
            store.ReleaseJob(job.Id, "the assembly stage has too many series waiting");
        }

        doorbell.Ring();
        ServiceLog.SeriesQueued(Logger, job.Id, job.Generation, series.InstanceCount);
    }

    /// <summary>
    /// When the series' first and last instances arrived (its completion time if it has none) and one instance's file.
    /// A loop rather than LINQ's Min/Max over DateTimeOffset, whose generic code would be compiled on the first series'
    /// critical path.
    /// </summary>
    private static (DateTimeOffset First, DateTimeOffset Last, string? Path) Arrivals(CompletedSeries completed)
    {
        if (completed.Instances.Count == 0)
        {
            return (completed.CompletedAt, completed.CompletedAt, null);
        }

        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        string? path = null;
        foreach (TrackedInstance instance in completed.Instances)
        {
            first = instance.ReceivedAt < first ? instance.ReceivedAt : first;
            last = instance.ReceivedAt > last ? instance.ReceivedAt : last;
            path ??= instance.FilePath;
        }

        return (first, last, path);
    }
}
