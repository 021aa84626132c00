using Edge.Store.Documents;

namespace Edge.Store;

/// <summary>Received series.</summary>
public sealed partial class EdgeStore
{
    /// <summary>
    /// Inserts or replaces a series record. Receiving updates it once per instance, so the default is
    /// <see cref="Durability.Written"/>: the instances themselves are the durable record, and the next synced
    /// commit (e.g. the job enqueue when the series completes) fsyncs this too.
    /// </summary>
    public void UpsertSeries(SeriesRecord series, Durability durability = Durability.Written)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrEmpty(series.SeriesInstanceUid);
        series.UpdatedAt = Now;
        Write(durability, () => Series.Upsert(series));
    }

    public SeriesRecord? GetSeries(string seriesInstanceUid) => Series.FindById(seriesInstanceUid);

    public IReadOnlyList<SeriesRecord> ListSeries(SeriesState state, int limit) =>
        Series.Query().Where(x => x.State == state).Limit(limit).ToList();

    /// <summary>
    /// Marks a series as complete and queues its job for the current generation, in one synced commit.
    /// Idempotent, like <see cref="EnqueueJob"/>. With a lease owner, a job that is still queued is also
    /// leased to that owner in the same commit (what <see cref="TryLeaseNextJob"/> would do next, one transaction
    /// sooner): the caller hands it on itself. A crash before it is processed leaves it leased, and
    /// <see cref="RecoverInterruptedJobs"/> re-queues it, as any interrupted job.
    /// </summary>
    public JobRecord CompleteSeries(SeriesRecord series, out bool created) => CompleteSeries(series, null, out created, out _);

    /// <inheritdoc cref="CompleteSeries(SeriesRecord, out bool)"/>
    /// <param name="leased">Whether this call leased the job to <paramref name="leaseTo"/> (false when it was no longer queued).</param>
    public JobRecord CompleteSeries(SeriesRecord series, string? leaseTo, out bool created, out bool leased)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrEmpty(series.SeriesInstanceUid);
        (JobRecord job, bool isNew, bool isLeased) = Write(Durability.Synced, () =>
        {
            series.UpdatedAt = Now;
            Series.Upsert(series);
            (JobRecord queued, bool inserted) = EnqueueJobCore(series.SeriesInstanceUid, series.Generation);
            if (leaseTo is null || queued.State != JobState.Queued)
            {
                return (queued, inserted, false);
            }

            LeaseCore(queued, leaseTo);
            return (queued, inserted, true);
        });
        created = isNew;
        leased = isLeased;
        return job;
    }

    /// <summary>
    /// Reprocess request: bumps the series generation and queues a new job for it. Returns null when the
    /// series is unknown.
    /// </summary>
    public JobRecord? RequestReprocess(string seriesInstanceUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesInstanceUid);
        return Write(Durability.Synced, () =>
        {
            SeriesRecord? series = Series.FindById(seriesInstanceUid);
            if (series is null)
            {
                return null;
            }

            series.Generation++;
            series.FailureReason = null;
            series.UpdatedAt = Now;
            Series.Update(series);
            AppendAuditCore("series.reprocess", $"generation {series.Generation} requested");
            return EnqueueJobCore(seriesInstanceUid, series.Generation).Job;
        });
    }

    /// <summary>Series whose received files are still on disk and were last touched before <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<SeriesRecord> ListSeriesWithFilesBefore(DateTimeOffset cutoff, int limit) =>
        Series.Query()
            .Where(x => x.UpdatedAt < cutoff && x.FilesPurgedAt == null && x.StoragePath != null)
            .OrderBy(x => x.UpdatedAt)
            .Limit(limit)
            .ToList();

    /// <summary>Records that retention deleted a series' received files.</summary>
    public void MarkFilesPurged(string seriesInstanceUid)
    {
        Write(Durability.Written, () =>
        {
            SeriesRecord? series = Series.FindById(seriesInstanceUid);
            if (series is not null)
            {
                series.FilesPurgedAt = Now;
                Series.Update(series);
            }
        });
    }
}
