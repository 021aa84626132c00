namespace Edge.Sync.Fleet;

/// <summary>Remembers the most recent ids up to a capacity; the oldest is forgotten first.</summary>
public sealed class DedupeWindow(int capacity)
{
    private readonly HashSet<Guid> _seen = new(Math.Min(capacity, 4096));
    private readonly Queue<Guid> _order = new(Math.Min(capacity, 4096));

    /// <summary>True the first time an id is seen (within the window), false for a repeat.</summary>
    public bool TryAdd(Guid id)
    {
        lock (_seen)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
