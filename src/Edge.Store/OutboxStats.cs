namespace Edge.Store;

/// <summary>Outbox backlog now, and loss since the database was created.</summary>
/// <param name="Pending">Entries waiting for the broker.</param>
/// <param name="DeadLetters">Entries the broker refused for good, still in the store.</param>
/// <param name="Dropped">Entries ever dropped because the outbox was full.</param>
/// <param name="Expired">Entries ever dropped because they outlived their expiry.</param>
/// <param name="DeadLettersTotal">Entries ever dead-lettered (retention may have pruned some).</param>
/// <param name="OldestPendingAt">When the oldest waiting entry was queued.</param>
public sealed record OutboxStats(int Pending, int DeadLetters, long Dropped, long Expired, long DeadLettersTotal, DateTimeOffset? OldestPendingAt)
{
    /// <summary>Every entry lost without delivery: the figure the heartbeat reports as dropped.</summary>
    public long Lost => Dropped + Expired;
}
