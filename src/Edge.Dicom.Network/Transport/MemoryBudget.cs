namespace Edge.Dicom.Network.Transport;

/// <summary>
/// A byte budget shared by every association of a server: a PDU body is only awaited once its bytes are granted, so
/// the memory all peers can pin at once is bounded. Waiters are served first-come first-served; waiting is
/// back-pressure (the socket is not read), and the association's own receive timeout still applies.
/// </summary>
public sealed class MemoryBudget
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _available;

    public MemoryBudget(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _available = capacity;
    }

    public long Capacity { get; }

    public long Available
    {
        get
        {
            lock (_lock)
            {
                return _available;
            }
        }
    }

    public ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, Capacity);
        lock (_lock)
        {
            if (_waiters.Count == 0 && _available >= bytes)
            {
                _available -= bytes;
                return ValueTask.CompletedTask;
            }
        }

        return WaitAsync(bytes, cancellationToken);
    }

    public void Release(long bytes)
    {
        lock (_lock)
        {
            _available += bytes;
            while (_waiters.First is { } first && first.Value.Bytes <= _available)
            {
                _waiters.RemoveFirst();
                _available -= first.Value.Bytes;
                first.Value.Completion.TrySetResult();
            }
        }
    }

    private async ValueTask WaitAsync(long bytes, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(bytes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        LinkedListNode<Waiter> node;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _available >= bytes)
            {
                _available -= bytes;
                return;
            }

            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() =>
        {
            bool removed;
            lock (_lock)
            {
                removed = node.List is not null;
                if (removed)
                {
                    _waiters.Remove(node);
                }
            }

            if (removed)
            {
                waiter.Completion.TrySetCanceled(cancellationToken);
            }
        }))
        {
            await waiter.Completion.Task.ConfigureAwait(false);
        }
    }

    private sealed record Waiter(long Bytes, TaskCompletionSource Completion);
}
