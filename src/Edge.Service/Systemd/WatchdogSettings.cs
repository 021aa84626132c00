using System.Globalization;

namespace Edge.Service.Systemd;

/// <summary>The watchdog systemd asks for: <c>$WATCHDOG_USEC</c>, for this process (<c>$WATCHDOG_PID</c> unset or ours).</summary>
public sealed record WatchdogSettings(TimeSpan Interval)
{
    /// <summary>Pings go out at half the interval, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan PingInterval => Interval / 2;

    public static WatchdogSettings? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!ulong.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong usec) || usec == 0)
        {
            return null;
        }

        if (environment("WATCHDOG_PID") is { Length: > 0 } pid
            && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int owner) || owner != Environment.ProcessId))
        {
            return null;
        }

        // TimeSpan holds ~29 000 years; systemd caps WatchdogSec far below that.
        return new WatchdogSettings(TimeSpan.FromMicroseconds(Math.Min(usec, (ulong)TimeSpan.MaxValue.TotalMicroseconds / 2)));
    }
}
