using System.Diagnostics;
using System.Globalization;
using Edge.Dicom;
using Edge.Imaging.Assembly;
using Edge.Service.Configuration;
using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Store;
using Edge.Store.Documents;
using Edge.Sync;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Pipeline;

/// <summary>
/// Stage 4: leases the oldest job of the persistent queue, reads the series' headers and assembles its HU volume, and
/// hands it to inference through the bounded <see cref="AssembledQueue"/>. A series that cannot be assembled (an
/// unreadable instance, inconsistent geometry ...) fails with its reason and still gets a summary; other series are
/// not affected. A job superseded by a newer generation of its series is skipped. Files the <see cref="PredecodeStage"/>
/// decoded while the series arrived are taken from the <see cref="DecodedSeriesCache"/> (headers and HU pixels) and only
/// copied; the rest are read from disk as before. When that stage already assembled the series while its sender was
/// releasing (<see cref="PreparedVolume"/>) and the series' files are still exactly those, that volume is taken as is.
/// </summary>
public sealed class AssemblyStage(
    EdgeStore store,
    JobDoorbell doorbell,
    AssembledQueue assembled,
    SyncRuntime sync,
    ModelRuntime models,
    DecodedSeriesCache decoded,
    StageHealth health,
    EdgeSettings settings,
    ILogger<AssemblyStage> logger)
    : PipelineStage("assembly", health, TimeSpan.FromSeconds(settings.Pipeline.StallSeconds), logger)
{
    /// <summary>A job the completion stage leased and handed over, else the oldest queued one, leased now.</summary>
    private JobRecord? Next()
    {
        if (doorbell.TryTake(out JobRecord? handed))
        {
            // In memory only: the queue time the summary reports ends when assembly takes the job, as it would have
            // had assembly leased it itself.
            handed.LeasedAt = Time.GetUtcNow();
            return handed;
        }

        return store.TryLeaseNextJob(doorbell.Owner);
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            JobRecord? job = Next();
            if (job is null)
            {
                // Nothing queued: wait for the bell (it may have rung already; a wake-up with nothing to do is harmless).
                if (await WaitToReadAsync(doorbell.Reader, stoppingToken).ConfigureAwait(false))
                {
                    doorbell.Reader.TryRead(out _);
                }

                continue;
            }

            Monitor.Busy($"assembling job {job.Id}", TimeSpan.FromSeconds(settings.Pipeline.AssemblyStallSeconds));
            await ProcessAsync(job, stoppingToken).ConfigureAwait(false);
            Monitor.Done();
        }
    }

    /// <summary>Assembles the job's series and hands it to inference, or fails (or skips) the job with its reason.</summary>
    private async Task ProcessAsync(JobRecord job, CancellationToken stoppingToken)
    {
        SeriesRecord? series = store.GetSeries(job.SeriesInstanceUid);
        if (series is null)
        {
            Skip(job, "its series record is gone (pruned by retention)");
            return;
        }

        if (job.Generation < series.Generation)
        {
            Skip(job, $"superseded by generation {series.Generation} of the same series");
            return;
        }

        var clock = Stopwatch.StartNew();
        AssembledSeries? ready = null;
        Action? report = null;
        string? failure = null;
        string[] files = [];
        try
        {
            files = ReceivedFiles(series);
            int cached = files.Count(f => decoded.Lookup(series.SeriesInstanceUid, f) is not null);
            (PreparedVolume? prepared, bool current) = decoded.TakePrepared(series.SeriesInstanceUid);
            bool ahead = current && cached == files.Length && prepared!.Paths.Count == files.Length && files.All(prepared.Paths.Contains);
            (AssembledVolume volume, DicomDataset header, TimeSpan scanned) = ahead
                ? (prepared!.Assembled, DicomFile.Open(files[0], DicomReadOptions.HeaderOnly).Dataset, clock.Elapsed)
                : Assemble(series, files, path => decoded.Lookup(series.SeriesInstanceUid, path), Reusing(prepared), clock, stoppingToken);
            TimeSpan built = clock.Elapsed;
            series.Acquisition = SeriesHeader.Acquisition(header, volume.Volume.Shape.Depth, volume.Volume.Shape.Height, volume.Volume.Shape.Width);
            series.Identifiers = SeriesHeader.Identifiers(header);
            store.UpsertSeries(series);
            double ms = clock.Elapsed.TotalMilliseconds;
            ready = new AssembledSeries(job, series, volume, ms);
            report = () =>
            {
                ServiceLog.Assembled(Logger, job.Id, volume.Volume.Shape.ToString(), ms);
                PipelineLog.AssemblySteps(Logger, job.Id, cached, files.Length, ahead ? "while the sender released" : "now",
                    scanned.TotalMilliseconds, (built - scanned).TotalMilliseconds, ms - built.TotalMilliseconds);
            };
        }
        catch (Exception ex) when (ex is VolumeAssemblyException or DicomFormatException or InvalidDataException or IOException
            or UnauthorizedAccessException or ArgumentException or OutOfMemoryException)
        {
            failure = ex is OutOfMemoryException ? "the series is too large to assemble in the memory available" : WithoutPaths(ex.Message, files, series.StoragePath);
        }
        finally
        {
            // Before the hand-over, which may wait for inference: the next series' pre-decoding gets the budget back.
            decoded.Evict(series.SeriesInstanceUid);
        }

        if (ready is null)
        {
            await FailAsync(job, series, failure!, clock.Elapsed.TotalMilliseconds, stoppingToken).ConfigureAwait(false);
            return;
        }

        // Inference first: the log lines are not on the series' critical path.
        Monitor.Busy($"waiting for inference to take job {job.Id}", TimeSpan.FromSeconds(settings.Pipeline.InferenceStallSeconds));
        await assembled.Writer.WriteAsync(ready, stoppingToken).ConfigureAwait(false);
        report!();
    }

    /// <summary>
    /// A speculative volume that is stale (a file came or changed since) still lends its buffer if the size fits; one made
    /// of the decoded frames has none to lend.
    /// </summary>
    private static VolumeAssemblyOptions Reusing(PreparedVolume? stale) => stale is null || !stale.Assembled.Volume.IsContiguous
        ? VolumeAssemblyOptions.Default
        : VolumeAssemblyOptions.Default with { VoxelBuffer = voxels => stale.Assembled.Volume.Voxels.LongLength >= voxels ? stale.Assembled.Volume.Voxels : null };

    /// <summary>The series' received files, sorted so that "instance N" in a reason names the same file every time.</summary>
    private static string[] ReceivedFiles(SeriesRecord series)
    {
        if (series.FilesPurgedAt is not null || series.StoragePath is null || !Directory.Exists(series.StoragePath))
        {
            throw new VolumeAssemblyException("the received files of this series are no longer on the box (deleted by retention)");
        }

        string[] files = [.. Directory.EnumerateFiles(series.StoragePath, "*.dcm").Order(StringComparer.Ordinal)];
        return files.Length > 0 ? files : throw new VolumeAssemblyException("no received instance files were found for the series");
    }

    /// <returns>The volume, the first image's header, and <paramref name="clock"/> when the headers were scanned.</returns>
    private static (AssembledVolume Volume, DicomDataset Header, TimeSpan Scanned) Assemble(SeriesRecord series, string[] files,
        Func<string, IReadOnlyList<FrameHeader>?> known, VolumeAssemblyOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        SeriesScan scan = SeriesScanner.ScanFiles(files, cancellationToken: cancellationToken, known: known);
        TimeSpan scanned = clock.Elapsed;
        if (scan.Unreadable.Count > 0)
        {
            // A corrupt instance fails its series rather than being screened around: a gap could hide the finding.
            throw new VolumeAssemblyException(string.Create(CultureInfo.InvariantCulture,
                $"{scan.Unreadable.Count} of {files.Length} received instance(s) are unreadable; first: {scan.Unreadable[0]}"));
        }

        ScannedSeries? mine = scan.Series.FirstOrDefault(s => s.SeriesInstanceUid == series.SeriesInstanceUid)
            ?? throw new VolumeAssemblyException("none of the received files belongs to the series");
        AssembledVolume volume = VolumeAssembler.Assemble(mine.Frames, options, scan.WarningsFor(mine), cancellationToken);
        DicomDataset header = DicomFile.Open(mine.Frames[0].Source.Path, DicomReadOptions.HeaderOnly).Dataset;
        return (volume, header, scanned);
    }

    /// <summary>
    /// Reasons travel into the summary; file paths would carry UIDs (and the summary builder would then blank the whole
    /// reason), so each file becomes its instance number and the folder "the series folder".
    /// </summary>
    private static string WithoutPaths(string reason, string[] files, string? folder)
    {
        for (int i = 0; i < files.Length; i++)
        {
            reason = reason.Replace(files[i], string.Create(CultureInfo.InvariantCulture, $"instance {i + 1}"), StringComparison.Ordinal)
                .Replace(Path.GetFileName(files[i]), string.Create(CultureInfo.InvariantCulture, $"instance {i + 1}"), StringComparison.Ordinal);
        }

        return folder is null ? reason : reason.Replace(folder, "the series folder", StringComparison.Ordinal);
    }

    private async Task FailAsync(JobRecord job, SeriesRecord series, string reason, double assemblyMs, CancellationToken stoppingToken)
    {
        ServiceLog.SeriesFailed(Logger, job.Id, reason);
        Monitor.ItemFailed($"job {job.Id}: {reason}");
        DateTimeOffset now = Time.GetUtcNow();
        ResultRecord result = ResultFactory.Failed(job, series, reason, ResultFactory.Timings(job, series, assemblyMs, null, now), now, models.ExecutionProvider);
        await sync.Summaries.Writer.WriteAsync(new CompletedJob(job.Id, series, result), stoppingToken).ConfigureAwait(false);
    }

    private void Skip(JobRecord job, string reason)
    {
        ServiceLog.JobSkipped(Logger, job.Id, reason);
        store.FailJob(job.Id, "skipped: " + reason);
    }
}
