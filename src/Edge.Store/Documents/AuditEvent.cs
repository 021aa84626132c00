using LiteDB;

namespace Edge.Store.Documents;

/// <summary>
/// Something an operator or auditor may ask about later (job failed, outbox dropped entries, recovery after a
/// crash). Kept until retention prunes it. Details must not carry patient identifiers.
/// </summary>
public sealed class AuditEvent
{
    [BsonId]
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A stable dotted code, e.g. <c>job.failed</c>, <c>outbox.dropped</c>, <c>store.recovered</c>.</summary>
    public string Kind { get; set; } = "";

    public string Detail { get; set; } = "";
}
