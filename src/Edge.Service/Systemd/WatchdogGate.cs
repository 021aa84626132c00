using Edge.Service.Health;

namespace Edge.Service.Systemd;

/// <summary>
/// The liveness gate in front of <c>WATCHDOG=1</c>: a ping goes out only while every pipeline stage is alive. A stage
/// that stops beating therefore stops the pings, and systemd restarts the service after <c>WatchdogSec</c>.
/// </summary>
public sealed class WatchdogGate(StageHealth health, SystemdNotifier notifier)
{
    /// <summary>Pings if all stages are alive; returns the stages that are not (empty when the ping went out).</summary>
    public IReadOnlyList<StageSnapshot> Tick()
    {
        if (!health.AllAlive(out IReadOnlyList<StageSnapshot> unhealthy))
        {
            return unhealthy.Count > 0 ? unhealthy : [new StageSnapshot("(none registered)", StageState.Starting, false, null, default, default, 0, null)];
        }

        notifier.Notify("WATCHDOG=1");
        return [];
    }
}
