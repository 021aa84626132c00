using Edge.Service.Health;
using Edge.Service.Systemd;

namespace Edge.Service.Tests.Health;

/// <summary>The liveness gate: pings go to a real datagram socket only while every stage beats.</summary>
public sealed class WatchdogGateTests : IDisposable
{
    private static readonly TimeSpan Allowance = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new("edge-watchdog");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 1, 31, 8, 0, 0, TimeSpan.Zero));
    private readonly NotifyListener _systemd;
    private readonly SystemdNotifier _notifier;
    private readonly StageHealth _health;
    private readonly WatchdogGate _gate;

    public WatchdogGateTests()
    {
        _systemd = new NotifyListener(_dir.File("notify"));
        _notifier = SystemdNotifier.FromEnvironment(v => v == SystemdNotifier.SocketVariable ? _systemd.Address : null)!;
        _health = new StageHealth(_time);
        _gate = new WatchdogGate(_health, _notifier);
    }

    public void Dispose()
    {
        _notifier.Dispose();
        _systemd.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Pings_while_every_stage_beats_and_stops_when_one_stops_beating()
    {
        StageMonitor assembly = _health.Register("assembly", Allowance);
        StageMonitor inference = _health.Register("inference", Allowance);
        for (int i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            assembly.Idle();
            inference.Idle();
            Assert.Empty(_gate.Tick());
        }

        await _systemd.WaitForAsync(m => m.Count == 3, TimeSpan.FromSeconds(5), "three pings");

        // The inference stage hangs: it never beats again, the assembly stage goes on.
        for (int i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            assembly.Idle();
            IReadOnlyList<StageSnapshot> withheld = _gate.Tick();
            if (i >= 4)
            {
                StageSnapshot stalled = Assert.Single(withheld);
                Assert.Equal("inference", stalled.Name);
            }
        }

        // 60 s of allowance: pings continued for the first 60 s of silence (4 ticks, the 4th at exactly 60 s), then stopped.
        await Task.Delay(200);
        Assert.Equal(3 + 4, _systemd.Count("WATCHDOG=1"));
    }

    [Fact]
    public async Task A_busy_stage_gets_its_own_allowance_then_counts_as_hung()
    {
        StageMonitor inference = _health.Register("inference", Allowance);
        inference.Busy("screening job 7", TimeSpan.FromMinutes(30));
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(_gate.Tick());
        _time.Advance(TimeSpan.FromMinutes(2));
        StageSnapshot hung = Assert.Single(_gate.Tick());
        Assert.Equal(StageState.Busy, hung.State);
        Assert.Equal("screening job 7", hung.Activity);

        // Finishing the item brings it back.
        inference.Done();
        Assert.Empty(_gate.Tick());
        await _systemd.WaitForAsync(m => m.Count == 2, TimeSpan.FromSeconds(5), "two pings");
    }

    [Fact]
    public void A_faulted_stage_withholds_the_ping_until_it_runs_again()
    {
        StageMonitor completion = _health.Register("completion", Allowance);
        completion.Faulted("InvalidOperationException: boom");
        StageSnapshot faulted = Assert.Single(_gate.Tick());
        Assert.Equal(StageState.Faulted, faulted.State);
        Assert.Equal("InvalidOperationException: boom", faulted.LastError);

        completion.Idle();
        Assert.Empty(_gate.Tick());
    }

    [Fact]
    public void No_stage_registered_means_no_ping()
    {
        Assert.NotEmpty(_gate.Tick());
        Assert.Equal(0, _systemd.Count("WATCHDOG=1"));
    }
}
