using LiteDB;

namespace Edge.Store.Documents;

/// <summary>One unit of work in the persistent queue: process a series at a generation.</summary>
public sealed class JobRecord
{
    [BsonId]
    public long Id { get; set; }

    /// <summary><c>{SeriesInstanceUid}#{Generation}</c>: unique, which makes enqueueing idempotent.</summary>
    public string Key { get; set; } = "";

    public string SeriesInstanceUid { get; set; } = "";

    public int Generation { get; set; }

    public JobState State { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    public DateTimeOffset? LeasedAt { get; set; }

    public string? LeaseOwner { get; set; }

    /// <summary>How many times a worker has claimed it, including claims a crash interrupted.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? FailureReason { get; set; }

    public Guid? ResultId { get; set; }

    public static string MakeKey(string seriesInstanceUid, int generation) => $"{seriesInstanceUid}#{generation}";
}
