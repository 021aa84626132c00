namespace Edge.Store;

/// <summary>Names of the persistent counters; part of the on-disk format.</summary>
internal static class StoreCounterNames
{
    public const string OutboxSequence = "outbox.seq";
    public const string OutboxDropped = "outbox.dropped";
    public const string OutboxExpired = "outbox.expired";
    public const string OutboxDeadLetters = "outbox.dead_letters";
    public const string ForwardDeadLetters = "forward.dead_letters";
}
