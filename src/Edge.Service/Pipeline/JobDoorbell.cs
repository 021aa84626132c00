using System.Threading.Channels;

namespace Edge.Service.Pipeline;

/// <summary>
/// Wakes the assembly stage when the persistent job queue gained a job. The queue itself is the LiteDB jobs collection,
/// so the bell carries nothing: capacity 1, and extra rings are dropped because one wake-up drains everything queued.
/// </summary>
public sealed class JobDoorbell
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Ring() => _bell.Writer.TryWrite(true);

    public ChannelReader<bool> Reader => _bell.Reader;
}
