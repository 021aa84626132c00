namespace Edge.Service.Pipeline;

/// <summary>What the DICOM receiver has done since start, for <c>GET /status</c>.</summary>
public sealed class ReceptionStats(TimeProvider time)
{
    private long _associations;
    private long _openAssociations;
    private long _instances;
    private long _bytes;
    private long _failed;
    private long _lastReceivedTicks;

    public long Associations => Interlocked.Read(ref _associations);

    public long OpenAssociations => Interlocked.Read(ref _openAssociations);

    public long Instances => Interlocked.Read(ref _instances);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>C-STOREs answered with a failure status (low disk, write errors, policy).</summary>
    public long FailedInstances => Interlocked.Read(ref _failed);

    public DateTimeOffset? LastReceivedAt =>
        Interlocked.Read(ref _lastReceivedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    internal void Opened()
    {
        Interlocked.Increment(ref _associations);
        Interlocked.Increment(ref _openAssociations);
    }

    internal void Closed(int failed)
    {
        Interlocked.Decrement(ref _openAssociations);
        Interlocked.Add(ref _failed, failed);
    }

    internal void Stored(long bytes)
    {
        Interlocked.Increment(ref _instances);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Exchange(ref _lastReceivedTicks, time.GetUtcNow().UtcTicks);
    }
}
