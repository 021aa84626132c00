using System.Collections.Concurrent;

namespace Edge.Service.Health;

/// <summary>
/// The registry of pipeline stages and their liveness. The systemd watchdog pings only while <see cref="AllAlive"/>
/// holds, so a stage that hangs (stops beating) gets the whole service restarted, and its job resumes.
/// </summary>
public sealed class StageHealth(TimeProvider time)
{
    /// <summary>
    /// How often a waiting stage beats. 5 s keeps a beat well inside the smallest stall allowance (10 s) even when the
    /// thread pool is slow on a loaded two-core box.
    /// </summary>
    public static readonly TimeSpan IdleBeatInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, StageMonitor> _stages = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    /// <summary>Registers (or returns) the stage called <paramref name="name"/>.</summary>
    public StageMonitor Register(string name, TimeSpan idleAllowance)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _stages.GetOrAdd(name, n => new StageMonitor(n, idleAllowance, time));
    }

    public IReadOnlyList<StageSnapshot> Snapshot() =>
        [.. _stages.Values.Select(s => s.Snapshot()).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>True when every registered stage is alive (and at least one is registered).</summary>
    public bool AllAlive(out IReadOnlyList<StageSnapshot> unhealthy)
    {
        IReadOnlyList<StageSnapshot> all = Snapshot();
        unhealthy = [.. all.Where(s => !s.Alive)];
        return all.Count > 0 && unhealthy.Count == 0;
    }
}
