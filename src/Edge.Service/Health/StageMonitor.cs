namespace Edge.Service.Health;

/// <summary>
/// The liveness record of one stage. The stage calls <see cref="Idle"/> each time it waits (at least every
/// <see cref="StageHealth.IdleBeatInterval"/>), <see cref="Busy"/> when it takes an item, and <see cref="Done"/> when the
/// item is finished. A stage is alive while its last beat is younger than the allowance of its current state.
/// </summary>
public sealed class StageMonitor
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleAllowance;
    private StageState _state = StageState.Starting;
    private string? _activity;
    private DateTimeOffset _since;
    private DateTimeOffset _lastBeat;
    private TimeSpan _allowance;
    private long _processed;
    private string? _lastError;

    internal StageMonitor(string name, TimeSpan idleAllowance, TimeProvider time)
    {
        Name = name;
        _time = time;
        _idleAllowance = idleAllowance;
        _allowance = idleAllowance;
        _since = _lastBeat = time.GetUtcNow();
    }

    public string Name { get; }

    /// <summary>Waiting for work: a beat.</summary>
    public void Idle() => Set(StageState.Idle, null, _idleAllowance, keepSince: true);

    /// <summary>Starting an item that may take up to <paramref name="allowance"/>.</summary>
    public void Busy(string activity, TimeSpan allowance) => Set(StageState.Busy, activity, allowance, keepSince: false);

    /// <summary>Progress inside a long item: a beat that keeps the state.</summary>
    public void Beat()
    {
        lock (_gate)
        {
            _lastBeat = _time.GetUtcNow();
        }
    }

    /// <summary>An item finished (whatever its outcome).</summary>
    public void Done()
    {
        lock (_gate)
        {
            _processed++;
        }

        Idle();
    }

    /// <summary>The loop threw; <paramref name="reason"/> carries no patient data (exception messages of our own code).</summary>
    public void Faulted(string reason)
    {
        lock (_gate)
        {
            _lastError = reason;
        }

        Set(StageState.Faulted, null, TimeSpan.Zero, keepSince: false);
    }

    /// <summary>Records an item's failure that the stage handled (the loop goes on).</summary>
    public void ItemFailed(string reason)
    {
        lock (_gate)
        {
            _lastError = reason;
        }
    }

    public void Stopped() => Set(StageState.Stopped, null, TimeSpan.MaxValue, keepSince: false);

    public StageSnapshot Snapshot()
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            bool alive = _state switch
            {
                StageState.Faulted => false,
                StageState.Stopped => true,
                _ => now - _lastBeat <= _allowance,
            };
            return new StageSnapshot(Name, _state, alive, _activity, _since, _lastBeat, _processed, _lastError);
        }
    }

    private void Set(StageState state, string? activity, TimeSpan allowance, bool keepSince)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!keepSince || _state != state)
            {
                _since = now;
            }

            _state = state;
            _activity = activity;
            _allowance = allowance;
            _lastBeat = now;
        }
    }
}
