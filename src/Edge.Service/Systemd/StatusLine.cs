using System.Globalization;

namespace Edge.Service.Systemd;

/// <summary>The one line <c>systemctl status</c> shows: <c>ready; 2 series queued; EP=CPU; outbox 0</c>, then any alarms.</summary>
public static class StatusLine
{
    public static string Format(int seriesQueued, string? executionProvider, int outboxPending, IReadOnlyList<string> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"ready; {seriesQueued} series queued; EP={executionProvider ?? "none"}; outbox {outboxPending}");
        return alarms.Count == 0 ? line : line + "; alarms: " + string.Join(", ", alarms);
    }
}
