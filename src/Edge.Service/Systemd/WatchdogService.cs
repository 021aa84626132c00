using Edge.Service.Health;
using Edge.Service.Models;
using Edge.Store;
using Edge.Sync;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Systemd;

/// <summary>
/// Talks to systemd when the service runs under a <c>Type=notify</c> unit: <c>READY=1</c> once the host has started
/// (store recovered, models warm, SCP and control API listening), a <c>STATUS=</c> line whenever it changes, and
/// <c>WATCHDOG=1</c> every half <c>WatchdogSec</c> through the <see cref="WatchdogGate"/>; <c>STOPPING=1</c> on shutdown.
/// Microsoft.Extensions.Hosting.Systemd sends READY and STOPPING but never watchdog pings, hence this class.
/// </summary>
public sealed class WatchdogService(
    IHostApplicationLifetime lifetime,
    StageHealth health,
    EdgeStore store,
    ModelRuntime models,
    DeviceStatus device,
    ILogger<WatchdogService> logger) : BackgroundService
{
    /// <summary>The STATUS line is refreshed this often (only sent when it changed).</summary>
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(2);

    private readonly SystemdNotifier? _notifier = SystemdNotifier.FromEnvironment();
    private readonly WatchdogSettings? _watchdog = WatchdogSettings.FromEnvironment();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_notifier is null)
        {
            return;
        }

        ServiceLog.Systemd(logger, _notifier.Path, _watchdog is null ? "off" : $"every {_watchdog.PingInterval.TotalSeconds:0.###} s");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        string status = Status();
        Send("READY=1\nSTATUS=" + status);
        ServiceLog.Ready(logger, models.Active.Count, models.ExecutionProvider ?? "none", store.GetStatus().QueueDepth);
        var gate = new WatchdogGate(health, _notifier);
        TimeProvider time = health.Time;
        TimeSpan tick = _watchdog is null || _watchdog.PingInterval > StatusInterval ? StatusInterval : _watchdog.PingInterval;
        DateTimeOffset nextPing = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (_watchdog is not null && now >= nextPing)
            {
                foreach (StageSnapshot stage in gate.Tick())
                {
                    ServiceLog.WatchdogWithheld(logger, stage.Name, stage.State.ToString(), (now - stage.LastBeat).TotalSeconds,
                        stage.Activity is null ? string.Empty : $", {stage.Activity}");
                }

                nextPing = now + _watchdog.PingInterval;
            }

            string current = Status();
            if (current != status)
            {
                status = current;
                Send("STATUS=" + status);
            }

            await Task.Delay(tick, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_notifier is not null)
        {
            Send("STOPPING=1\nSTATUS=stopping");
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _notifier?.Dispose();
        base.Dispose();
    }

    private string Status()
    {
        StoreStatus s = store.GetStatus();
        return StatusLine.Format(s.QueueDepth, models.ExecutionProvider, s.Outbox.Pending, device.Alarms);
    }

    private void Send(string state)
    {
        if (!_notifier!.Notify(state))
        {
            ServiceLog.NotifyFailed(logger, _notifier.Path);
        }
    }
}
