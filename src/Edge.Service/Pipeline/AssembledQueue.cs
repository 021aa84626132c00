using System.Threading.Channels;
using Edge.Service.Configuration;

namespace Edge.Service.Pipeline;

/// <summary>
/// The bounded channel between assembly and inference (FullMode = Wait: assembly waits for inference, never grows a
/// queue of volumes). A volume lost here in a crash is not lost work: its job is still leased and is re-queued at start.
/// </summary>
public sealed class AssembledQueue(EdgeSettings settings)
{
    private readonly Channel<AssembledSeries> _channel = Channel.CreateBounded<AssembledSeries>(
        new BoundedChannelOptions(settings.Pipeline.AssembledQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });

    public ChannelWriter<AssembledSeries> Writer => _channel.Writer;

    public ChannelReader<AssembledSeries> Reader => _channel.Reader;

    /// <summary>Volumes assembled and waiting for inference.</summary>
    public int Count => _channel.Reader.Count;
}
