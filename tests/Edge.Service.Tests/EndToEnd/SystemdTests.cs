namespace Edge.Service.Tests.EndToEnd;

/// <summary>edge-service under a Type=notify unit with WatchdogSec, simulated by a real datagram socket.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SystemdTests : IDisposable
{
    private readonly TempDirectory _dir = new("edge-systemd");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sends_ready_with_a_status_line_then_watchdog_pings_at_half_the_interval_and_stopping_on_sigterm()
    {
        using var systemd = new NotifyListener(_dir.File("notify"));
        using EdgeService edge = EdgeService.Start(_dir, brokerPort: null, environment: new Dictionary<string, string>
        {
            ["NOTIFY_SOCKET"] = systemd.Address,
            ["WATCHDOG_USEC"] = "2000000",
        });

        // Six pings: the listener stamps each datagram when it reads it, and one late read (a loaded CI machine) shifts
        // an average over three intervals by a third of its delay, over five by a fifth.
        var messages = await systemd.WaitForAsync(m => m.Count(x => x.Text == "WATCHDOG=1") >= 6, TimeSpan.FromSeconds(30), "six watchdog pings");
        string ready = messages.First(m => m.Text.StartsWith("READY=1", StringComparison.Ordinal)).Text;
        Assert.Contains("STATUS=ready; 0 series queued; EP=CPU; outbox 0", ready, StringComparison.Ordinal);
        var texts = messages.Select(m => m.Text).ToList();
        Assert.True(texts.FindIndex(t => t.StartsWith("READY=1", StringComparison.Ordinal)) < texts.IndexOf("WATCHDOG=1"), "a ping came before READY=1");

        // Every half WatchdogSec (1 s) on average; single gaps are not measured, as the listener may read two at once.
        DateTime[] pings = [.. messages.Where(m => m.Text == "WATCHDOG=1").Select(m => m.At)];
        double average = (pings[^1] - pings[0]).TotalSeconds / (pings.Length - 1);
        Assert.InRange(average, 0.8, 1.6);

        Assert.Equal(0, edge.Stop());
        await systemd.WaitForAsync(m => m.Any(x => x.Text.StartsWith("STOPPING=1", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "STOPPING=1");
    }
}
