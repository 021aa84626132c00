using LiteDB;

namespace Edge.Store.Documents;

/// <summary>A message waiting for (or done with) delivery to the broker.</summary>
public sealed class OutboxEntry
{
    /// <summary>Monotonic sequence number: the publish order within a kind.</summary>
    [BsonId]
    public long Id { get; set; }

    /// <summary>The message's idempotency key (the summary's <c>id</c>).</summary>
    public Guid MessageId { get; set; }

    public OutboxKind Kind { get; set; }

    public string Topic { get; set; } = "";

    public byte[] Payload { get; set; } = [];

    public string ContentType { get; set; } = "application/json";

    public string SchemaVersion { get; set; } = "";

    public Guid? ResultId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public OutboxState State { get; set; }

    /// <summary>
    /// Publish order among pending entries (alerts before summaries, then by <see cref="Id"/>); 0 once the entry
    /// is no longer pending, which takes it out of the index range the publisher scans.
    /// </summary>
    public long PendingKey { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    internal const long SummaryLaneOffset = 1L << 48;

    internal static long MakePendingKey(OutboxKind kind, long id) =>
        kind == OutboxKind.Alert ? id : SummaryLaneOffset + id;
}
