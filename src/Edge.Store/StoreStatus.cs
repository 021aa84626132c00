namespace Edge.Store;

/// <summary>Store counts for GET /status and the heartbeat.</summary>
public sealed record StoreStatus(
    int QueuedJobs,
    int LeasedJobs,
    int FailedJobs,
    int DoneJobs,
    int Suspicious,
    int Negative,
    int NotEligible,
    int Failed,
    OutboxStats Outbox,
    long DatabaseBytes)
{
    /// <summary>Jobs waiting or in progress: the heartbeat's queue depth.</summary>
    public int QueueDepth => QueuedJobs + LeasedJobs;
}
