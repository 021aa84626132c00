using Edge.Store.Documents;

namespace Edge.Store;

/// <summary>Persistent counters and the audit trail.</summary>
public sealed partial class EdgeStore
{
    private long NextCounterCore(string name) => AddCounterCore(name, 1);

    private long AddCounterCore(string name, long by)
    {
        CounterDocument counter = Counters.FindById(name) ?? new CounterDocument { Name = name };
        counter.Value += by;
        Counters.Upsert(counter);
        return counter.Value;
    }

    private long ReadCounter(string name) => Counters.FindById(name)?.Value ?? 0;

    /// <summary>Records an audit event. <paramref name="detail"/> must carry no patient identifiers.</summary>
    public void AppendAudit(string kind, string detail) => Write(Durability.Written, () => AppendAuditCore(kind, detail));

    private void AppendAuditCore(string kind, string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Audit.Insert(new AuditEvent { At = Now, Kind = kind, Detail = detail });
    }

    /// <summary>Audit events at or after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<AuditEvent> ListAudit(DateTimeOffset since, int limit) =>
        Audit.Query().Where(x => x.At >= since).OrderBy(x => x.At).Limit(limit).ToList();
}
