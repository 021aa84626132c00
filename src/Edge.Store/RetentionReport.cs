namespace Edge.Store;

/// <summary>How many records one retention pass deleted, by collection.</summary>
public readonly record struct RetentionReport(int Results, int Jobs, int Series, int Audit, int Outbox)
{
    public int Total => Results + Jobs + Series + Audit + Outbox;
}
