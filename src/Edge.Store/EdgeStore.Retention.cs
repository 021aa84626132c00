using Edge.Store.Documents;

namespace Edge.Store;

/// <summary>Retention: pruning of old records. File retention and disk quota are the service's; it uses these.</summary>
public sealed partial class EdgeStore
{
    /// <summary>
    /// Deletes results older than <see cref="StoreOptions.ResultRetentionDays"/> (with their finished jobs and
    /// finished series), audit events older than <see cref="StoreOptions.AuditRetentionDays"/>, and outbox
    /// entries finished more than <see cref="StoreOptions.FinishedOutboxRetentionDays"/> ago. Pending outbox
    /// entries and unfinished jobs are never pruned here.
    /// </summary>
    public RetentionReport Prune()
    {
        DateTimeOffset now = Now;
        return Prune(
            now - TimeSpan.FromDays(_options.ResultRetentionDays),
            now - TimeSpan.FromDays(_options.AuditRetentionDays),
            now - TimeSpan.FromDays(_options.FinishedOutboxRetentionDays));
    }

    /// <summary>Prune with explicit cut-offs (the disk-quota path uses a tighter result cut-off).</summary>
    public RetentionReport Prune(DateTimeOffset resultsBefore, DateTimeOffset auditBefore, DateTimeOffset outboxBefore)
    {
        RetentionReport report = Write(Durability.Synced, () =>
        {
            int results = Results.DeleteMany(x => x.CreatedAt < resultsBefore);
            // Unfinished jobs have no FinishedAt, and BSON orders null before every date: without the state test a
            // queued or leased job would be pruned under the worker's feet.
            int jobs = Jobs.DeleteMany(x => (x.State == JobState.Done || x.State == JobState.Failed || x.State == JobState.Superseded) && x.FinishedAt < resultsBefore);
            int series = Series.DeleteMany(x => x.UpdatedAt < resultsBefore
                && (x.State == SeriesState.Done || x.State == SeriesState.Failed));
            int audit = Audit.DeleteMany(x => x.At < auditBefore);
            int outbox = Outbox.DeleteMany(x => x.FinishedAt < outboxBefore && x.PendingKey == 0);
            return new RetentionReport(results, jobs, series, audit, outbox);
        });
        if (report.Total > 0)
        {
            StoreLog.Pruned(_logger, report.Results, report.Jobs, report.Series, report.Audit, report.Outbox);
        }

        return report;
    }

    /// <summary>The oldest result's time, for a disk-quota policy that prunes oldest-first.</summary>
    public DateTimeOffset? OldestResultAt() =>
        Results.Query().OrderBy(x => x.CreatedAt).FirstOrDefault()?.CreatedAt;
}
