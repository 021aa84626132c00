using Edge.Store.Documents;

namespace Edge.Store;

/// <summary>What an outbox enqueue did: ids added, and entries dropped to stay within bounds.</summary>
public sealed record OutboxEnqueueReport(IReadOnlyList<long> AddedIds, bool AnyAlert, int DroppedForCapacity)
{
    public static OutboxEnqueueReport Empty { get; } = new([], false, 0);

    internal static OutboxEnqueueReport From(List<OutboxEntry> added, int dropped) =>
        new(added.ConvertAll(e => e.Id), added.Exists(e => e.Kind == OutboxKind.Alert), dropped);
}
