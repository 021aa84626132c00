using System.Threading.Channels;

namespace Edge.Imaging.Completion;

/// <summary>
/// Drives a <see cref="SeriesCompletionTracker"/>: sleeps (on the tracker's <see cref="TimeProvider"/>) until the next
/// series is due or something changes, and writes completed series to a bounded channel (FullMode = Wait), so a
/// slow assembler applies back-pressure instead of growing a queue.
/// </summary>
public sealed class SeriesCompletionMonitor : IAsyncDisposable
{
    /// <summary>Completed series waiting for assembly; 64 is far more than a scanner produces between two assemblies.</summary>
    public const int DefaultCapacity = 64;

    private readonly SeriesCompletionTracker _tracker;
    private readonly TimeProvider _time;
    private readonly Channel<CompletedSeries> _channel;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public SeriesCompletionMonitor(SeriesCompletionTracker tracker, TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _tracker = tracker;
        _time = timeProvider;
        _channel = Channel.CreateBounded<CompletedSeries>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,

            // A waiting reader (the service's completion stage) continues on this loop's thread instead of queueing
            // for the thread pool, which is busy at a release (the last instances being decoded, the sender's
            // association closing): that hop cost the series 3–8 ms of its latency. This loop only waits meanwhile.
            AllowSynchronousContinuations = true,
        });
        _tracker.Changed += OnChanged;
    }

    public ChannelReader<CompletedSeries> Completed => _channel.Reader;

    public void Start() => _loop ??= RunAsync(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        _tracker.Changed -= OnChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected way out of the loop.
            }
        }

        _channel.Writer.TryComplete();
        _stop.Dispose();
        _wake.Dispose();
    }

    private void OnChanged()
    {
        // One pending wake-up is enough: the loop re-reads the whole state each time.
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (CompletedSeries series in _tracker.CollectCompleted())
            {
                await _channel.Writer.WriteAsync(series, cancellationToken).ConfigureAwait(false);
            }

            TimeSpan? due = _tracker.TimeUntilNextDue();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task woken = _wake.WaitAsync(wait.Token);
            Task timer = due is { } d ? Task.Delay(d, _time, wait.Token) : Task.Delay(Timeout.InfiniteTimeSpan, _time, wait.Token);
            await Task.WhenAny(woken, timer).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
