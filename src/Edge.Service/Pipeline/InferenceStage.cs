using System.Diagnostics;
using Edge.Imaging.Completion;
using Edge.Inference.Execution;
using Edge.Inference.Screening;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync;
using Edge.Sync.Summaries;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>
/// Stages 5 and 6: screens one assembled series at a time (the GPU is the bottleneck; one consumer keeps it to one
/// inference) on a dedicated thread, maps the report to a result and hands it to the summary stage, which commits result,
/// job state and outbox entries in one durable transaction.
/// </summary>
public sealed class InferenceStage(
    AssembledQueue assembled,
    EdgeStore store,
    SeriesCompletionTracker tracker,
    ScreeningSupersession supersession,
    SyncRuntime sync,
    ModelRuntime models,
    IEnumerable<IResultListener> listeners,
    StageHealth health,
    EdgeSettings settings,
    ILogger<InferenceStage> logger)
    : PipelineStage("inference", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    /// <summary>How long the stage must have had nothing to screen before it returns a series' memory to the system.</summary>
    private static readonly TimeSpan ReleaseMemoryIdle = TimeSpan.FromSeconds(1);

    private readonly IResultListener[] _listeners = [.. listeners];

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (await WaitToReadAsync(assembled.Reader, stoppingToken).ConfigureAwait(false))
        {
            while (assembled.Reader.TryRead(out AssembledSeries? item) && item is not null)
            {
                Monitor.Busy($"screening job {item.Job.Id}", TimeSpan.FromSeconds(settings.Pipeline.InferenceStallSeconds));
                if (await ScreenAsync(item, stoppingToken).ConfigureAwait(false) is not var (result, report))
                {
                    const string Reason = "superseded: more instances of its series arrived; the whole series is queued again when it completes";
                    ServiceLog.JobSkipped(Logger, item.Job.Id, Reason);
                    store.SupersedeJob(item.Job.Id, Reason);
                    item = null;
                    Monitor.Done();
                    continue;
                }

                Monitor.Busy($"committing job {item.Job.Id}", TimeSpan.FromSeconds(settings.Pipeline.StallSeconds));
                await sync.Summaries.Writer.WriteAsync(new CompletedJob(item.Job.Id, item.Series, result), stoppingToken).ConfigureAwait(false);
                if (report is not null)
                {
                    // After the hand-over: the line is not on the summary's critical path.
                    ServiceLog.Screened(Logger, item.Job.Id, DecisionNames.Json(result.Decision), report.ExecutionProvider, result.Timings.InferenceMs ?? 0, result.Timings.TotalMs ?? 0);
                }

                await OfferAsync(new ScreenedSeries(item.Job, item.Series, item.Assembled, result, report), stoppingToken).ConfigureAwait(false);
                item = null;
                Monitor.Done();
                if (settings.Pipeline.ReleaseMemoryAfterSeries && assembled.Count == 0 && await IdleAsync(stoppingToken).ConfigureAwait(false))
                {
                    ReleaseMemory();
                }
            }
        }
    }

    // The collection blocks every thread for a moment, so it waits until this series' summary is committed and
    // published (well under a second; the summary stage works on its own) rather than delaying it; a series that
    // arrives meanwhile goes first, and the collection follows the next series instead.
    private async Task<bool> IdleAsync(CancellationToken stoppingToken)
    {
        Task next = assembled.Reader.WaitToReadAsync(stoppingToken).AsTask();
        Task idle = Task.Delay(ReleaseMemoryIdle, Time, stoppingToken);
        Task first = await Task.WhenAny(next, idle).ConfigureAwait(false);
        return first == idle && idle.IsCompletedSuccessfully && assembled.Count == 0;
    }

    /// <returns>null when more instances of the series arrived before or while it was screened (see <see cref="ScreeningSupersession"/>).</returns>
    private async Task<(ResultRecord Result, ScreeningReport? Report)?> ScreenAsync(AssembledSeries item, CancellationToken stoppingToken)
    {
        if (models.Pipeline is not { } pipeline)
        {
            return (Failed(item, $"no model can run: {models.Problem}", null), null);
        }

        string uid = item.Series.SeriesInstanceUid;
        var clock = Stopwatch.StartNew();
        ScreeningReport report;

        // Registered before the tracker is asked: an instance stored after the question finds the registration.
        CancellationTokenSource screening = supersession.Begin(uid, stoppingToken);
        try
        {
            if (tracker.Get(uid) is { Status: SeriesStatus.Receiving })
            {
                return null;
            }

            // Minutes of CPU work on a CPU-only box: a dedicated thread, awaited, keeps it off the thread pool.
            CancellationToken token = screening.Token;
            report = await Task.Factory.StartNew(
                () => pipeline.Screen(item.Assembled.Volume, item.Assembled.Properties, token),
                token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (NoExecutionProviderException ex)
        {
            return (Failed(item, ex.Message, clock.Elapsed.TotalMilliseconds), null);
        }
        finally
        {
            supersession.End(uid, screening);
        }

        double inferenceMs = clock.Elapsed.TotalMilliseconds;
        DateTimeOffset now = Time.GetUtcNow();
        ResultRecord result = ResultFactory.FromReport(item.Job, item.Series, report, pipeline.Packages,
            ResultFactory.Timings(item.Job, item.Series, item.AssemblyMs, inferenceMs, now), now);
        if (result.Decision == Decision.Failed)
        {
            Monitor.ItemFailed($"job {item.Job.Id}: {result.FailureReason}");
        }

        return (result, report);
    }

    /// <summary>A blocking, compacting full collection that also compacts the large object heap and decommits what it frees.</summary>
    private void ReleaseMemory()
    {
        var clock = Stopwatch.StartNew();
        long before = Environment.WorkingSet;
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ServiceLog.MemoryReleased(Logger, (before - Environment.WorkingSet) / 1048576.0, clock.Elapsed.TotalMilliseconds);
    }

    private async Task OfferAsync(ScreenedSeries screened, CancellationToken stoppingToken)
    {
        foreach (IResultListener listener in _listeners)
        {
            Monitor.Busy($"handing job {screened.Job.Id} to {listener.GetType().Name}", TimeSpan.FromSeconds(settings.Pipeline.StallSeconds));
            try
            {
                await listener.ResultReadyAsync(screened, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ServiceLog.ListenerFailed(Logger, ex, listener.GetType().Name, screened.Job.Id);
            }
        }
    }

    private ResultRecord Failed(AssembledSeries item, string reason, double? inferenceMs)
    {
        ServiceLog.SeriesFailed(Logger, item.Job.Id, reason);
        Monitor.ItemFailed($"job {item.Job.Id}: {reason}");
        DateTimeOffset now = Time.GetUtcNow();
        return ResultFactory.Failed(item.Job, item.Series, reason,
            ResultFactory.Timings(item.Job, item.Series, item.AssemblyMs, inferenceMs, now), now, models.ExecutionProvider);
    }
}
