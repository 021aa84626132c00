using System.Threading.Channels;
using Edge.Service.Pipeline;

namespace Edge.Service.Results;

/// <summary>
/// Screened series waiting for their DICOM result objects. Capacity 1, waiting when full: each item holds a volume of up
/// to a GiB or more, and the inference stage awaiting the space is the back-pressure that keeps volumes from piling up.
/// </summary>
public sealed class ResultObjectsQueue : IResultListener
{
    private readonly Channel<ScreenedSeries> _channel = Channel.CreateBounded<ScreenedSeries>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public ChannelReader<ScreenedSeries> Reader => _channel.Reader;

    public ValueTask ResultReadyAsync(ScreenedSeries screened, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(screened, cancellationToken);
}
