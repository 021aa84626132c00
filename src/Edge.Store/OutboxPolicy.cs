namespace Edge.Store;

/// <summary>Bounds on the outbox: how many entries may wait, and how long.</summary>
public sealed record OutboxPolicy(int MaxPending, TimeSpan MaxAge)
{
    /// <summary>
    /// 10 000 summaries is weeks of a busy scanner's output (a few hundred series a day) at a few KiB each;
    /// 14 days outlasts a long holiday closure of the central link.
    /// </summary>
    public static OutboxPolicy Default { get; } = new(10_000, TimeSpan.FromDays(14));
}
