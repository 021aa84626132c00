using System.Threading.Channels;

namespace Edge.Service.Forwarding;

/// <summary>
/// Wakes the forwarders when items were queued. The queue is the store's forwarding collection, so a ring carries
/// nothing: capacity 1 per destination, extra rings dropped, since one wake-up drains everything due.
/// </summary>
public sealed class ForwardingDoorbell
{
    private readonly Dictionary<string, Channel<bool>> _bells;

    public ForwardingDoorbell(ForwardingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _bells = plan.Destinations.ToDictionary(d => d.Name, _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        }), StringComparer.Ordinal);
    }

    public void Ring(string destination)
    {
        if (_bells.TryGetValue(destination, out Channel<bool>? bell))
        {
            bell.Writer.TryWrite(true);
        }
    }

    public void RingAll()
    {
        foreach (Channel<bool> bell in _bells.Values)
        {
            bell.Writer.TryWrite(true);
        }
    }

    public ChannelReader<bool> Reader(string destination) => _bells[destination].Reader;
}
