using Edge.Inference.Packages;
using Edge.Inference.Screening;
using Edge.Store.Documents;
using InferenceFinding = Edge.Inference.Screening.Finding;
using InferenceModelResult = Edge.Inference.Screening.ModelResult;
using StoreDecision = Edge.Store.Documents.Decision;
using StoreFinding = Edge.Store.Documents.Finding;
using StoreModelResult = Edge.Store.Documents.ModelResult;

namespace Edge.Service.Pipeline;

/// <summary>Turns the inference layer's report, or a failure before it, into the store's result record for one job.</summary>
public static class ResultFactory
{
    public static ResultRecord FromReport(JobRecord job, SeriesRecord series, ScreeningReport report,
        IReadOnlyList<ModelPackage> packages, PipelineTimings timings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(packages);
        ResultRecord result = New(job, series, timings, now);
        result.Models = [.. report.Models.Select(m => Model(m, packages.FirstOrDefault(p => p.Id == m.Id)))];
        result.Decision = ResultRecord.Combine(result.Models);
        result.ExecutionProvider = report.ExecutionProvider;
        if (result.Decision == StoreDecision.Failed)
        {
            result.FailureReason = string.Join("; ", result.Models.Where(m => m.Decision == StoreDecision.Failed).Select(m => $"{m.Id}: {m.Reason}"));
        }

        return result;
    }

    /// <summary>A series that could not be screened at all (unreadable instance, no model installed ...).</summary>
    public static ResultRecord Failed(JobRecord job, SeriesRecord series, string reason, PipelineTimings timings, DateTimeOffset now, string? executionProvider)
    {
        ResultRecord result = New(job, series, timings, now);
        result.Decision = StoreDecision.Failed;
        result.FailureReason = reason;
        result.ExecutionProvider = executionProvider ?? "none";
        return result;
    }

    /// <summary>
    /// Stage times from the job's own record: completion (last instance to queued), queue (queued to leased), and the
    /// total from the last instance to now. Assembly and inference are measured by their stages.
    /// </summary>
    public static PipelineTimings Timings(JobRecord job, SeriesRecord series, double? assemblyMs, double? inferenceMs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(series);
        return new PipelineTimings
        {
            CompletionMs = NonNegative(job.EnqueuedAt - series.LastReceivedAt),
            QueueMs = job.LeasedAt is { } leased ? NonNegative(leased - job.EnqueuedAt) : null,
            AssemblyMs = assemblyMs,
            InferenceMs = inferenceMs,
            TotalMs = NonNegative(now - series.LastReceivedAt),
        };
    }

    private static ResultRecord New(JobRecord job, SeriesRecord series, PipelineTimings timings, DateTimeOffset now) => new()
    {
        // Version 7: time-ordered, so ids sort by creation like the summaries they key.
        Id = Guid.CreateVersion7(now),
        JobId = job.Id,
        SeriesInstanceUid = series.SeriesInstanceUid,
        StudyInstanceUid = series.StudyInstanceUid,
        Generation = job.Generation,
        CreatedAt = now,
        Timings = timings,
    };

    private static StoreModelResult Model(InferenceModelResult model, ModelPackage? package) => new()
    {
        Id = model.Id,
        Version = model.Version,
        Sha256 = package is null ? string.Empty : package.Sha256Of(package.Manifest.Network),
        Eligible = model.Eligible,
        Reason = model.Reason,
        Probability = model.Probability,
        Threshold = model.Threshold,
        TargetSpecificity = model.TargetSpecificity,
        Decision = model.Decision switch
        {
            ScreeningDecision.Suspicious => StoreDecision.Suspicious,
            ScreeningDecision.Negative => StoreDecision.Negative,
            ScreeningDecision.NotEligible => StoreDecision.NotEligible,
            _ => StoreDecision.Failed,
        },
        Findings = [.. model.Findings.Select(Finding)],
        Timings = new ModelTimings
        {
            PreprocessMs = model.Timings.PreprocessMs,
            InferenceMs = model.Timings.InferenceMs,
            PostprocessMs = model.Timings.PostprocessMs,
            TotalMs = model.Timings.TotalMs,
        },
    };

    private static StoreFinding Finding(InferenceFinding f) => new()
    {
        Label = f.Label,
        Probability = f.Probability,
        VolumeMl = f.VolumeMl,
        MaxDiameterMm = f.MaxDiameterMm,
        Location = f.Location,
        CentroidLps = [f.CentroidLps.X, f.CentroidLps.Y, f.CentroidLps.Z],
        VoxelCount = f.VoxelCount,
    };

    private static double? NonNegative(TimeSpan span) => Math.Max(0, span.TotalMilliseconds);
}
