using Edge.Store.Documents;

namespace Edge.Store;

/// <summary>Results, read by the control API.</summary>
public sealed partial class EdgeStore
{
    public ResultRecord? GetResult(Guid id) => Results.FindById(id);

    /// <summary>Results created at or after <paramref name="since"/>, oldest first (GET /results?since=).</summary>
    public IReadOnlyList<ResultRecord> ListResultsSince(DateTimeOffset since, int limit) =>
        Results.Query().Where(x => x.CreatedAt >= since).OrderBy(x => x.CreatedAt).Limit(limit).ToList();

    /// <summary>The newest results first (GET /results without since).</summary>
    public IReadOnlyList<ResultRecord> ListLatestResults(int limit) =>
        Results.Query().OrderByDescending(x => x.CreatedAt).Limit(limit).ToList();

    public IReadOnlyList<ResultRecord> ListResultsForSeries(string seriesInstanceUid) =>
        Results.Query().Where(x => x.SeriesInstanceUid == seriesInstanceUid).OrderBy(x => x.CreatedAt).ToList();

    public int CountResults(Decision decision) => Results.Count(x => x.Decision == decision);

    /// <summary>Counts for GET /status: queue, results by decision, outbox.</summary>
    public StoreStatus GetStatus() => new(
        QueuedJobs: CountJobs(JobState.Queued),
        LeasedJobs: CountJobs(JobState.Leased),
        FailedJobs: CountJobs(JobState.Failed),
        DoneJobs: CountJobs(JobState.Done),
        Suspicious: CountResults(Decision.Suspicious),
        Negative: CountResults(Decision.Negative),
        NotEligible: CountResults(Decision.NotEligible),
        Failed: CountResults(Decision.Failed),
        Outbox: GetOutboxStats(),
        DatabaseBytes: GetFootprintBytes());

    /// <summary>Bytes the store occupies on disk (data file plus log).</summary>
    public long GetFootprintBytes() => new FileInfo(DataPath).Length + new FileInfo(LogPath).Length;
}
