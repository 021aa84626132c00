using System.Collections.Concurrent;

namespace Edge.Service.Pipeline;

/// <summary>
/// Cancels the screening of a series the moment another instance of it arrives. A series completes when its sender
/// releases the association (after <c>Completion:ReleaseGrace</c>, by default at once); a sender that goes on with a further association
/// reopens it, and its next completion queues the whole series again. Screening the partial series on would cost the
/// CPU the scanner's next series needs, and would publish a result, possibly a negative one, for a series that was
/// not all there.
/// </summary>
public sealed class ScreeningSupersession
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _screening = new(StringComparer.Ordinal);

    /// <summary>A token for screening this series, cancelled by <paramref name="stoppingToken"/> or by a new instance.</summary>
    public CancellationTokenSource Begin(string seriesInstanceUid, CancellationToken stoppingToken)
    {
        var screening = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _screening[seriesInstanceUid] = screening;
        return screening;
    }

    public void End(string seriesInstanceUid, CancellationTokenSource screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        _screening.TryRemove(KeyValuePair.Create(seriesInstanceUid, screening));
        screening.Dispose();
    }

    /// <summary>Called for every stored instance (on the receiving thread: one dictionary lookup).</summary>
    public void InstanceArrived(string seriesInstanceUid)
    {
        if (_screening.TryGetValue(seriesInstanceUid, out CancellationTokenSource? screening))
        {
            try
            {
                screening.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The screening ended between the lookup and the cancel: nothing left to stop.
            }
        }
    }
}
