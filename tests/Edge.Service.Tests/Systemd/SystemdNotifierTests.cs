using Edge.Service.Systemd;

namespace Edge.Service.Tests.Systemd;

public sealed class SystemdNotifierTests : IDisposable
{
    private readonly TempDirectory _dir = new("edge-notify");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sends_datagrams_to_a_filesystem_socket()
    {
        using var listener = new NotifyListener(_dir.File("notify"));
        using SystemdNotifier notifier = SystemdNotifier.FromEnvironment(v => v == SystemdNotifier.SocketVariable ? listener.Address : null)!;

        Assert.True(notifier.Notify("READY=1\nSTATUS=ready; 0 series queued; EP=CPU; outbox 0"));

        var messages = await listener.WaitForAsync(m => m.Count == 1, TimeSpan.FromSeconds(5), "one datagram");
        Assert.Equal("READY=1\nSTATUS=ready; 0 series queued; EP=CPU; outbox 0", messages[0].Text);
    }

    [Fact]
    public async Task Sends_datagrams_to_an_abstract_socket_named_with_at()
    {
        string name = "@edge-test-" + Guid.NewGuid().ToString("N");
        using var listener = new NotifyListener(name);
        using SystemdNotifier notifier = SystemdNotifier.FromEnvironment(v => v == SystemdNotifier.SocketVariable ? name : null)!;

        Assert.True(notifier.Notify("WATCHDOG=1"));

        await listener.WaitForAsync(m => m.Count == 1 && m[0].Text == "WATCHDOG=1", TimeSpan.FromSeconds(5), "the ping");
    }

    [Fact]
    public void Without_a_notify_socket_there_is_no_notifier()
    {
        Assert.Null(SystemdNotifier.FromEnvironment(_ => null));
        Assert.Null(SystemdNotifier.FromEnvironment(_ => "relative/path"));
    }

    [Fact]
    public void A_vanished_socket_is_reported_not_thrown()
    {
        using SystemdNotifier notifier = SystemdNotifier.FromEnvironment(_ => _dir.File("nobody-listens"))!;
        Assert.False(notifier.Notify("READY=1"));
    }

    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("2000000", "self", 2.0)]
    public void Watchdog_interval_comes_from_watchdog_usec(string usec, string? pid, double seconds)
    {
        string? ownPid = pid == "self" ? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) : pid;
        WatchdogSettings? settings = WatchdogSettings.FromEnvironment(v => v switch { "WATCHDOG_USEC" => usec, "WATCHDOG_PID" => ownPid, _ => null });
        Assert.NotNull(settings);
        Assert.Equal(TimeSpan.FromSeconds(seconds), settings.Interval);
        Assert.Equal(TimeSpan.FromSeconds(seconds / 2), settings.PingInterval);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("0", null)]
    [InlineData("abc", null)]
    [InlineData("30000000", "1")]
    public void Watchdog_is_off_when_unset_invalid_or_meant_for_another_process(string? usec, string? pid)
    {
        Assert.Null(WatchdogSettings.FromEnvironment(v => v switch { "WATCHDOG_USEC" => usec, "WATCHDOG_PID" => pid, _ => null }));
    }

    [Fact]
    public void Status_line_reads_as_systemctl_shows_it()
    {
        Assert.Equal("ready; 2 series queued; EP=CPU; outbox 0", StatusLine.Format(2, "CPU", 0, []));
        Assert.Equal("ready; 0 series queued; EP=none; outbox 3; alarms: low_disk, no_models", StatusLine.Format(0, null, 3, ["low_disk", "no_models"]));
    }
}
