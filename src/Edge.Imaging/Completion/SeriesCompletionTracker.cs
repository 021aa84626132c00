namespace Edge.Imaging.Completion;

/// <summary>
/// Tracks instances by study and series as they arrive and decides when each series is complete: no instance for
/// <see cref="SeriesCompletionOptions.QuietTime"/> AND no open association still adding to it (an association open
/// longer than <see cref="SeriesCompletionOptions.MaxOpenAssociationWait"/> after the last instance stops counting).
/// A late instance reopens a completed series; its next completion has the next <see cref="SeriesTrackingState.Generation"/>.
/// <para>Time comes only from the <see cref="TimeProvider"/>, so tests drive it with a simulated clock. The tracker
/// is thread-safe; it raises nothing by itself: call <see cref="CollectCompleted"/> when <see cref="TimeUntilNextDue"/>
/// has passed or after an association closes (<see cref="SeriesCompletionMonitor"/> does both).</para>
/// </summary>
public sealed class SeriesCompletionTracker
{
    private readonly Lock _lock = new();
    private readonly SeriesCompletionOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, TrackedSeries> _series = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openAssociations = new(StringComparer.Ordinal);

    /// <param name="restored">
    /// State persisted before a restart. Associations cannot survive a restart, so their ids are dropped: a series
    /// that was waiting only for its association completes once its quiet time has passed.
    /// </param>
    public SeriesCompletionTracker(SeriesCompletionOptions options, TimeProvider timeProvider, SeriesTrackerSnapshot? restored = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _time = timeProvider;
        foreach (SeriesTrackingState state in restored?.Series ?? [])
        {
            state.OpenAssociations.Clear();
            _series[state.SeriesInstanceUid] = new TrackedSeries(state);
        }
    }

    /// <summary>Raised (outside the lock) whenever something happened that may make a series due sooner.</summary>
    public event Action? Changed;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _series.Count;
            }
        }
    }

    public void AssociationOpened(string associationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(associationId);
        lock (_lock)
        {
            _openAssociations.Add(associationId);
        }
    }

    /// <summary>Records an instance. A re-sent SOP instance counts as activity but not as a new instance.</summary>
    public void InstanceReceived(InstanceArrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        ArgumentException.ThrowIfNullOrEmpty(arrival.StudyInstanceUid);
        ArgumentException.ThrowIfNullOrEmpty(arrival.SeriesInstanceUid);
        ArgumentException.ThrowIfNullOrEmpty(arrival.SopInstanceUid);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_series.TryGetValue(arrival.SeriesInstanceUid, out TrackedSeries? series))
            {
                series = new TrackedSeries(new SeriesTrackingState
                {
                    StudyInstanceUid = arrival.StudyInstanceUid,
                    SeriesInstanceUid = arrival.SeriesInstanceUid,
                    FirstArrival = now,
                });
                _series.Add(arrival.SeriesInstanceUid, series);
            }

            series.Add(arrival, now);
            if (arrival.AssociationId is { } association)
            {
                // An instance proves its association is open even if the opened event was missed.
                _openAssociations.Add(association);
                if (!series.State.OpenAssociations.Contains(association))
                {
                    series.State.OpenAssociations.Add(association);
                }
            }
        }

        Changed?.Invoke();
    }

    public void AssociationClosed(string associationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(associationId);
        lock (_lock)
        {
            _openAssociations.Remove(associationId);
            foreach (TrackedSeries series in _series.Values)
            {
                series.State.OpenAssociations.Remove(associationId);
            }
        }

        Changed?.Invoke();
    }

    /// <summary>Marks every due series complete and returns them (each once per generation).</summary>
    public IReadOnlyList<CompletedSeries> CollectCompleted()
    {
        DateTimeOffset now = _time.GetUtcNow();
        var completed = new List<CompletedSeries>();
        lock (_lock)
        {
            foreach (TrackedSeries series in _series.Values)
            {
                SeriesTrackingState s = series.State;
                if (s.Status == SeriesStatus.Receiving && DueAt(s) <= now)
                {
                    s.Status = SeriesStatus.Complete;
                    s.Generation++;
                    s.CompletedAt = now;
                    completed.Add(new CompletedSeries(s.StudyInstanceUid, s.SeriesInstanceUid, s.Generation, [.. s.Instances.Select(Copy)], now));
                }
            }
        }

        return completed;
    }

    /// <summary>How long until the earliest receiving series could complete; null when none is receiving.</summary>
    public TimeSpan? TimeUntilNextDue()
    {
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset? earliest = null;
        lock (_lock)
        {
            foreach (TrackedSeries series in _series.Values)
            {
                if (series.State.Status == SeriesStatus.Receiving)
                {
                    DateTimeOffset due = DueAt(series.State);
                    earliest = earliest is null || due < earliest ? due : earliest;
                }
            }
        }

        return earliest is { } e ? (e > now ? e - now : TimeSpan.Zero) : null;
    }

    public SeriesTrackingState? Get(string seriesInstanceUid)
    {
        lock (_lock)
        {
            return _series.TryGetValue(seriesInstanceUid, out TrackedSeries? s) ? Clone(s.State) : null;
        }
    }

    /// <summary>Stops tracking a series (after its result is stored and its pixels purged).</summary>
    public bool Forget(string seriesInstanceUid)
    {
        lock (_lock)
        {
            return _series.Remove(seriesInstanceUid);
        }
    }

    /// <summary>A deep copy of the state, for persistence.</summary>
    public SeriesTrackerSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new SeriesTrackerSnapshot { Series = [.. _series.Values.Select(s => Clone(s.State))] };
        }
    }

    // The quiet time runs from the last instance; while a contributing association is open the series waits for
    // its close, but no longer than MaxOpenAssociationWait after the last instance.
    private DateTimeOffset DueAt(SeriesTrackingState s)
    {
        DateTimeOffset quiet = s.LastArrival + _options.QuietTime;
        return s.OpenAssociations.Count == 0 ? quiet : s.LastArrival + _options.MaxOpenAssociationWait;
    }

    private static TrackedInstance Copy(TrackedInstance i) =>
        new() { SopInstanceUid = i.SopInstanceUid, FilePath = i.FilePath, ReceivedAt = i.ReceivedAt };

    private static SeriesTrackingState Clone(SeriesTrackingState s) => new()
    {
        StudyInstanceUid = s.StudyInstanceUid,
        SeriesInstanceUid = s.SeriesInstanceUid,
        Status = s.Status,
        Generation = s.Generation,
        FirstArrival = s.FirstArrival,
        LastArrival = s.LastArrival,
        CompletedAt = s.CompletedAt,
        OpenAssociations = [.. s.OpenAssociations],
        Instances = [.. s.Instances.Select(Copy)],
    };

    /// <summary>A series' state plus an index of its SOP instances for de-duplication.</summary>
    private sealed class TrackedSeries
    {
        private readonly Dictionary<string, TrackedInstance> _bySop = new(StringComparer.Ordinal);

        public TrackedSeries(SeriesTrackingState state)
        {
            State = state;
            foreach (TrackedInstance i in state.Instances)
            {
                _bySop[i.SopInstanceUid] = i;
            }
        }

        public SeriesTrackingState State { get; }

        public void Add(InstanceArrival arrival, DateTimeOffset now)
        {
            if (_bySop.TryGetValue(arrival.SopInstanceUid, out TrackedInstance? existing))
            {
                existing.FilePath = arrival.FilePath ?? existing.FilePath;
                existing.ReceivedAt = now;
            }
            else
            {
                var instance = new TrackedInstance { SopInstanceUid = arrival.SopInstanceUid, FilePath = arrival.FilePath, ReceivedAt = now };
                _bySop.Add(arrival.SopInstanceUid, instance);
                State.Instances.Add(instance);
            }

            State.LastArrival = now;
            State.Status = SeriesStatus.Receiving;
        }
    }
}
