using Edge.Imaging.Completion;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Imaging.Tests.Completion;

public sealed class SeriesCompletionMonitorTests
{
    [Fact]
    public async Task Monitor_publishes_a_series_when_the_simulated_clock_passes_its_quiet_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var tracker = new SeriesCompletionTracker(new SeriesCompletionOptions(), clock);
        await using var monitor = new SeriesCompletionMonitor(tracker, clock);
        monitor.Start();

        tracker.InstanceReceived(new InstanceArrival("9.9", "1.1", "a", null, "assoc"));
        tracker.AssociationClosed("assoc");
        await Task.Delay(50);
        Assert.False(monitor.Completed.TryRead(out _));

        clock.Advance(TimeSpan.FromSeconds(10));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        CompletedSeries done = await monitor.Completed.ReadAsync(timeout.Token);
        Assert.Equal("1.1", done.SeriesInstanceUid);

        // A late instance: published again, as generation 2, once quiet again.
        tracker.InstanceReceived(new InstanceArrival("9.9", "1.1", "b"));
        await Task.Delay(50);
        clock.Advance(TimeSpan.FromSeconds(10));
        CompletedSeries again = await monitor.Completed.ReadAsync(timeout.Token);
        Assert.Equal(2, again.Generation);
    }
}
