using System.Diagnostics;
using Edge.Imaging.Geometry;
using Edge.Inference.Screening;
using Edge.Service.Pipeline;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync;
using Microsoft.Extensions.Logging;
using Finding = Edge.Inference.Screening.Finding;
using ModelResult = Edge.Inference.Screening.ModelResult;

namespace Edge.Service.Hosting;

/// <summary>
/// Runs a series' path through the store once before the service reports ready, on a scratch database that is deleted
/// afterwards: the series record, the job queued and leased at completion, the queue's own lease query, the result with
/// its summary and alert in the outbox (mapped from a made-up screening report, as the inference stage maps a real
/// one), the publisher's reads and marks. LiteDB compiles its query, mapping and index code on first use, and ours runs
/// without tiered compilation; cold, the first series after a start paid about 70 ms of its latency for it (the job
/// commit 40 ms, the lease 16 ms, the result commit 11 ms, against 7, 8 and 1 ms warm). The real database is not
/// touched, so nothing of this is ever published or listed.
/// </summary>
public sealed class StoreWarmUp(SyncRuntime sync, ILoggerFactory loggers, TimeProvider time, ILogger<StoreWarmUp> logger)
{
    /// <summary>The scratch folder, under the data root (the real database's file system), removed afterwards.</summary>
    public const string FolderName = "warm-up";

    public void Run(string dataRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataRoot);
        string folder = Path.Combine(dataRoot, FolderName);
        var clock = Stopwatch.StartNew();
        try
        {
            // A folder left by a start that died here holds nothing anyone needs.
            Delete(folder);
            using (var store = new EdgeStore(new StoreOptions { Path = Path.Combine(folder, "warm-up.db") }, loggers.CreateLogger<EdgeStore>(), time))
            {
                Exercise(store);
            }

            ServiceLog.StoreWarmedUp(logger, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException or InvalidOperationException)
        {
            // Only a warm-up: the first series then pays for what it would have compiled, nothing more.
            ServiceLog.StoreWarmUpFailed(logger, ex.GetType().Name, ex.Message);
        }
        finally
        {
            Delete(folder);
        }
    }

    private void Exercise(EdgeStore store)
    {
        DateTimeOffset now = time.GetUtcNow();
        var series = new SeriesRecord
        {
            SeriesInstanceUid = "2.25.1", StudyInstanceUid = "2.25.2", FirstReceivedAt = now, LastReceivedAt = now, InstanceCount = 1,
        };

        // Receiving, completion, assembly.
        store.UpsertSeries(series);
        SeriesRecord known = store.GetSeries(series.SeriesInstanceUid) ?? throw new InvalidOperationException("the scratch store lost its series record");
        known.Generation++;
        known.State = SeriesState.Queued;
        JobRecord job = store.CompleteSeries(known, "warm-up", out _, out bool leased);
        if (!leased)
        {
            throw new InvalidOperationException("the scratch store did not lease the job it queued");
        }

        // The queue's own lease (reprocessed and recovered jobs): nothing is left to lease, but the query runs.
        _ = store.TryLeaseNextJob("warm-up");
        store.UpsertSeries(known);

        // Results, the outbox and the publisher.
        ResultRecord result = ResultFactory.FromReport(job, known, MadeUpReport(), [], ResultFactory.Timings(job, known, 0, 0, now), now);
        sync.Summaries.WarmUp(store, job.Id, known, result);
        foreach (OutboxEntry entry in store.PeekPending(8))
        {
            store.MarkSent(entry.Id);
        }

        store.ExpirePending();
        _ = store.GetStatus();
    }

    /// <summary>A suspicious screening with one finding: the richest result the inference stage maps.</summary>
    private static ScreeningReport MadeUpReport() => new()
    {
        ExecutionProvider = "warm-up",
        Models =
        [
            new ModelResult
            {
                Id = "warm-up", Version = "0", Eligible = true, Decision = ScreeningDecision.Suspicious, Probability = 1, Threshold = 0.5,
                Findings = [new Finding { Label = "warm-up", VolumeMl = 1, MaxDiameterMm = 10, CentroidLps = Vector3D.Zero, Location = "head", Probability = 1, VoxelCount = 1 }],
            },
        ],
    };

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
