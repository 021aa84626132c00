using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Edge.Reporting;
using Edge.Reporting.Sources;
using Edge.Service.Configuration;
using Edge.Service.Forwarding;
using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Service.Pipeline;
using Edge.Store;
using Edge.Store.Documents;
using ModelResult = Edge.Inference.Screening.ModelResult;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Results;

/// <summary>
/// Turns each screened series into DICOM result objects (TID 1500 SR, key images, SEG from the model's label map), in
/// the source's study and new series, writes them durably under <c>{Storage:Root}/results/{result id}/{model}</c> and
/// queues them for every destination that takes results. UIDs derive from the result id, so a rebuild after a crash
/// gives the same objects and the PACS keeps one copy.
/// </summary>
public sealed class ResultObjectsStage(
    ResultObjectsQueue queue,
    EdgeStore store,
    ModelRuntime models,
    ForwardingPlan plan,
    ForwardingDoorbell doorbell,
    StageHealth health,
    EdgeSettings settings,
    ILogger<ResultObjectsStage> logger)
    : PipelineStage("results", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    private readonly ResultObjectFactory _factory = new(settings.Reporting);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (await WaitToReadAsync(queue.Reader, stoppingToken).ConfigureAwait(false))
        {
            while (queue.Reader.TryRead(out ScreenedSeries? screened) && screened is not null)
            {
                Monitor.Busy($"result objects of job {screened.Job.Id}", TimeSpan.FromSeconds(settings.Pipeline.AssemblyStallSeconds));
                try
                {
                    Produce(screened);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // A result that cannot be reported as DICOM must not stop the next one; the screening result stands.
                    ForwardingLog.ResultObjectsFailed(Logger, ex, screened.Result.Id);
                    Monitor.ItemFailed($"result {screened.Result.Id}: {ex.Message}");
                }

                screened = null;
                Monitor.Done();
            }
        }
    }

    /// <summary>Builds, saves and queues the objects of every model in one screened series; returns the paths written.</summary>
    public IReadOnlyList<string> Produce(ScreenedSeries screened)
    {
        ArgumentNullException.ThrowIfNull(screened);
        ResultRecord result = screened.Result;
        if (screened.Report is not { } report || report.Models.Count == 0)
        {
            ForwardingLog.NoResultObjects(Logger, result.Id, result.FailureReason ?? "no model ran");
            return [];
        }

        SourceSeries source = SourceSeries.FromPlan(screened.Assembled.Plan);
        var written = new List<string>();
        var requests = new List<ForwardRequest>();
        var kinds = new List<string>();
        foreach (ModelResult model in report.Models)
        {
            ModelPackage? package = models.Active.FirstOrDefault(p => p.Id == model.Id);
            if (package is null)
            {
                ForwardingLog.NoResultObjects(Logger, result.Id, $"model {model.Id} is no longer installed");
                continue;
            }

            ResultObjectSet set = _factory.Create(new ResultReportRequest
            {
                Source = source,
                Volume = screened.Assembled.Volume,
                Result = model,
                Algorithm = AlgorithmDescription.FromPackage(package),
                Labels = model.Labels is { } labels ? new LabelVolume(labels.Geometry, labels.Values) : null,
                UidSeed = $"{result.Id:D}/{model.Id}",
                CreatedAt = result.CreatedAt,
            });
            if (set.Notes.Count > 0)
            {
                ForwardingLog.NoResultObjects(Logger, result.Id, string.Join("; ", set.Notes));
            }

            if (set.Objects.Count == 0)
            {
                continue;
            }

            string directory = Path.Combine(settings.ResultObjectsRoot, result.Id.ToString("N"), model.Id);
            IReadOnlyList<string> paths = set.SaveAll(directory);

            // Each file was fsync'ed and renamed; the names are durable once their directories are.
            Edge.IO.DirectorySync.Sync(directory);
            Edge.IO.DirectorySync.Sync(Path.GetDirectoryName(directory)!);
            Edge.IO.DirectorySync.Sync(settings.ResultObjectsRoot);
            for (int i = 0; i < paths.Count; i++)
            {
                ResultObject item = set.Objects[i];
                requests.AddRange(ForwardingPlan.Requests(plan.Results, ForwardKind.Result, paths[i], result.StudyInstanceUid, item.SeriesInstanceUid,
                    item.SopInstanceUid, item.SopClassUid));
                kinds.Add(item.Kind.ToString());
            }

            written.AddRange(paths);
        }

        if (requests.Count > 0)
        {
            store.EnqueueForwarding(requests);
            foreach (DestinationOptions destination in plan.Results)
            {
                doorbell.Ring(destination.Name);
            }
        }

        ForwardingLog.ResultObjectsQueued(Logger, result.Id, written.Count,
            string.Join(", ", kinds.GroupBy(k => k).Select(g => $"{g.Count()} {g.Key}")), plan.Results.Count);
        return written;
    }
}
