using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Edge.Imaging.Completion;
using Edge.Store.Documents;

namespace Edge.Service.Pipeline;

/// <summary>
/// Wakes the assembly stage when the persistent job queue gained a job. The queue itself is the LiteDB jobs collection,
/// so the bell carries nothing: capacity 1, and extra rings are dropped because one wake-up drains everything queued.
/// A job the completion stage leased as it queued it travels with it (<see cref="TryHand"/>).
/// </summary>
public sealed class JobDoorbell
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    // As many as the completion monitor holds: more would mean assembly is far behind, and the jobs wait in the queue.
    private readonly Channel<JobRecord> _handed = Channel.CreateBounded<JobRecord>(new BoundedChannelOptions(SeriesCompletionMonitor.DefaultCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Whom this process's jobs are leased to.</summary>
    public string Owner { get; } = $"edge-service/{Environment.ProcessId}";

    public void Ring() => _bell.Writer.TryWrite(true);

    /// <summary>
    /// Hands a job the completion stage leased to <see cref="Owner"/> as it queued it straight to the assembly stage,
    /// which then skips a lease transaction of its own; false when that many are already waiting (the caller puts the
    /// job back in the queue). The caller rings afterwards, as for any queued job.
    /// </summary>
    public bool TryHand(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _handed.Writer.TryWrite(job);
    }

    /// <summary>The oldest job handed over and not yet taken.</summary>
    public bool TryTake([NotNullWhen(true)] out JobRecord? job) => _handed.Reader.TryRead(out job);

    public ChannelReader<bool> Reader => _bell.Reader;
}
