using Edge.Store.Documents;
using LiteDB;

namespace Edge.Store;

/// <summary>The persistent job queue.</summary>
public sealed partial class EdgeStore
{
    /// <summary>
    /// Queues a series for processing. Idempotent per series and generation: a second call returns the
    /// existing job (in whatever state it is) and <paramref name="created"/> is false.
    /// </summary>
    public JobRecord EnqueueJob(string seriesInstanceUid, int generation, out bool created)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesInstanceUid);
        (JobRecord job, bool isNew) = Write(Durability.Synced, () => EnqueueJobCore(seriesInstanceUid, generation));
        created = isNew;
        return job;
    }

    private (JobRecord Job, bool Created) EnqueueJobCore(string seriesInstanceUid, int generation)
    {
        string key = JobRecord.MakeKey(seriesInstanceUid, generation);
        JobRecord? existing = Jobs.FindOne(x => x.Key == key);
        if (existing is not null)
        {
            return (existing, false);
        }

        var job = new JobRecord
        {
            Key = key,
            SeriesInstanceUid = seriesInstanceUid,
            Generation = generation,
            State = JobState.Queued,
            EnqueuedAt = Now,
        };
        Jobs.Insert(job);
        SeriesRecord? series = Series.FindById(seriesInstanceUid);
        if (series is not null && series.Generation == generation)
        {
            series.State = SeriesState.Queued;
            series.UpdatedAt = Now;
            Series.Update(series);
        }

        return (job, true);
    }

    /// <summary>Claims the oldest queued job for <paramref name="owner"/>, or returns null if none is queued.</summary>
    public JobRecord? TryLeaseNextJob(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return Write(Durability.Synced, () =>
        {
            // The State index narrows to queued jobs; the queue is short, so ordering them by id is cheap.
            JobRecord? job = Jobs.Query().Where(x => x.State == JobState.Queued).OrderBy(x => x.Id).FirstOrDefault();
            if (job is null)
            {
                return null;
            }

            LeaseCore(job, owner);
            return job;
        });
    }

    private void LeaseCore(JobRecord job, string owner)
    {
        job.State = JobState.Leased;
        job.LeaseOwner = owner;
        job.LeasedAt = Now;
        job.Attempts++;
        Jobs.Update(job);
        SetSeriesState(job, SeriesState.Processing, failureReason: null);
    }

    /// <summary>
    /// Finishes a leased job with its result, atomically with the result record, the series state and the
    /// outbox entries that announce it. After this returns the result and its messages survive a power cut.
    /// </summary>
    public OutboxEnqueueReport CompleteJob(long jobId, ResultRecord result, IReadOnlyCollection<OutboxEntry> messages, OutboxPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(policy);
        OutboxEnqueueReport report = Write(Durability.Synced, () =>
        {
            JobRecord job = Jobs.FindById(jobId) ?? throw new KeyNotFoundException($"Job {jobId} does not exist.");
            if (job.State is JobState.Done or JobState.Failed)
            {
                throw new InvalidOperationException($"Job {jobId} is already {job.State}.");
            }

            result.JobId = jobId;
            Results.Insert(result);
            job.State = result.Decision == Decision.Failed ? JobState.Failed : JobState.Done;
            job.FinishedAt = Now;
            job.ResultId = result.Id;
            job.FailureReason = result.FailureReason;
            Jobs.Update(job);
            SeriesRecord? series = Series.FindById(job.SeriesInstanceUid);
            if (series is not null && series.Generation == job.Generation)
            {
                series.State = job.State == JobState.Failed ? SeriesState.Failed : SeriesState.Done;
                series.FailureReason = result.FailureReason;
                series.LatestResultId = result.Id;
                series.UpdatedAt = Now;
                Series.Update(series);
            }

            if (job.State == JobState.Failed)
            {
                AppendAuditCore("job.failed", $"job {jobId}: {result.FailureReason}");
            }

            return EnqueueOutboxCore(messages, policy);
        });
        RaiseOutboxEvents(report);
        return report;
    }

    /// <summary>Fails a job without a result (it cannot be processed at all); the reason is kept.</summary>
    public void FailJob(long jobId, string reason) => EndWithoutResult(jobId, reason, JobState.Failed, SeriesState.Failed);

    /// <summary>
    /// Ends a job without a result because its series is receiving instances again (it will be queued whole at its next
    /// completion); the series shows as receiving meanwhile, not as failed.
    /// </summary>
    public void SupersedeJob(long jobId, string reason) => EndWithoutResult(jobId, reason, JobState.Superseded, SeriesState.Receiving);

    private void EndWithoutResult(long jobId, string reason, JobState jobState, SeriesState seriesState)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Write(Durability.Synced, () =>
        {
            JobRecord job = Jobs.FindById(jobId) ?? throw new KeyNotFoundException($"Job {jobId} does not exist.");
            job.State = jobState;
            job.FailureReason = reason;
            job.FinishedAt = Now;
            Jobs.Update(job);
            SetSeriesState(job, seriesState, seriesState == SeriesState.Failed ? reason : null);
            AppendAuditCore(jobState == JobState.Failed ? "job.failed" : "job.superseded", $"job {jobId}: {reason}");
        });
    }

    /// <summary>Puts a leased job back in the queue (a transient error; it will be claimed again).</summary>
    public void ReleaseJob(long jobId, string reason)
    {
        Write(Durability.Synced, () =>
        {
            JobRecord job = Jobs.FindById(jobId) ?? throw new KeyNotFoundException($"Job {jobId} does not exist.");
            if (job.State != JobState.Leased)
            {
                return;
            }

            job.State = JobState.Queued;
            job.LeaseOwner = null;
            job.FailureReason = reason;
            Jobs.Update(job);
            SetSeriesState(job, SeriesState.Queued, failureReason: null);
        });
    }

    /// <summary>
    /// Start-up crash recovery: every job still leased was interrupted (one process owns the store, so no
    /// live worker can hold a lease now). It is queued again, unless it has been claimed
    /// <see cref="StoreOptions.JobMaxAttempts"/> times already, in which case it fails so that one poisonous
    /// series cannot crash-loop the service.
    /// </summary>
    public JobRecoveryReport RecoverInterruptedJobs()
    {
        JobRecoveryReport report = Write(Durability.Synced, () =>
        {
            int requeued = 0, failed = 0;
            foreach (JobRecord job in Jobs.Find(x => x.State == JobState.Leased).ToList())
            {
                if (job.Attempts >= _options.JobMaxAttempts)
                {
                    job.State = JobState.Failed;
                    job.FinishedAt = Now;
                    job.FailureReason = $"interrupted {job.Attempts} times (crash or kill during processing); not retried";
                    SetSeriesState(job, SeriesState.Failed, job.FailureReason);
                    AppendAuditCore("job.poisoned", $"job {job.Id}: {job.FailureReason}");
                    failed++;
                }
                else
                {
                    job.State = JobState.Queued;
                    job.FailureReason = $"re-queued after an interrupted attempt (owner {job.LeaseOwner})";
                    SetSeriesState(job, SeriesState.Queued, failureReason: null);
                    requeued++;
                }

                job.LeaseOwner = null;
                Jobs.Update(job);
            }

            if (requeued + failed > 0)
            {
                AppendAuditCore("jobs.recovered", $"{requeued} re-queued, {failed} failed after repeated interruption");
            }

            return new JobRecoveryReport(requeued, failed);
        });
        if (report.Requeued + report.Failed > 0)
        {
            StoreLog.JobsRecovered(_logger, report.Requeued, report.Failed);
        }

        return report;
    }

    public JobRecord? GetJob(long jobId) => Jobs.FindById(jobId);

    /// <summary>Jobs in a state, oldest first (all states when null).</summary>
    public IReadOnlyList<JobRecord> ListJobs(JobState? state, int limit)
    {
        ILiteQueryable<JobRecord> query = Jobs.Query();
        if (state is { } s)
        {
            query = query.Where(x => x.State == s);
        }

        return query.OrderBy(x => x.Id).Limit(limit).ToList();
    }

    public int CountJobs(JobState state) => Jobs.Count(x => x.State == state);

    private void SetSeriesState(JobRecord job, SeriesState state, string? failureReason)
    {
        SeriesRecord? series = Series.FindById(job.SeriesInstanceUid);
        if (series is null || series.Generation != job.Generation)
        {
            return;
        }

        series.State = state;
        series.FailureReason = failureReason;
        series.UpdatedAt = Now;
        Series.Update(series);
    }
}
