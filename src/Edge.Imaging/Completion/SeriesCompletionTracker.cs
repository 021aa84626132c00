namespace Edge.Imaging.Completion;

/// <summary>
/// Tracks instances by study and series as they arrive and decides when each series is complete: no instance for
/// <see cref="SeriesCompletionOptions.QuietTime"/> AND no open association still adding to it (an association open
/// longer than <see cref="SeriesCompletionOptions.MaxOpenAssociationWait"/> after the last instance stops counting).
/// When the single association that carried the series is released normally, the sender has said it is done: the
/// series completes <see cref="SeriesCompletionOptions.ReleaseGrace"/> after the release instead (see
/// <see cref="AssociationClosed"/>).
/// A late instance reopens a completed series; its next completion has the next <see cref="SeriesTrackingState.Generation"/>.
/// <para>Time comes only from the <see cref="TimeProvider"/>, so tests drive it with a simulated clock. The tracker
/// is thread-safe; it raises nothing by itself: call <see cref="CollectCompleted"/> when <see cref="TimeUntilNextDue"/>
/// has passed or after an association closes (<see cref="SeriesCompletionMonitor"/> does both).</para>
/// </summary>
public sealed class SeriesCompletionTracker
{
    /// <summary>
    /// A release completes a series early only if its association carried at least this many instances: some senders
    /// open one association per image, and for them each release says nothing about the series.
    /// </summary>
    public const int MinimumInstancesForRelease = 2;

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
            _series[state.SeriesInstanceUid] = new TrackedSeries(state, restored: true);
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
                series = new TrackedSeries(
                    new SeriesTrackingState
                    {
                        StudyInstanceUid = arrival.StudyInstanceUid,
                        SeriesInstanceUid = arrival.SeriesInstanceUid,
                        FirstArrival = now,
                    },
                    restored: false);
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

    /// <summary>
    /// An association ended. <paramref name="released"/> is true only for a normal A-RELEASE: then a series that this
    /// association alone carried (every instance of its current reception, at least
    /// <see cref="MinimumInstancesForRelease"/> of them) and that no other association is adding to completes after
    /// <see cref="SeriesCompletionOptions.ReleaseGrace"/>. An abort, a timeout or a lost connection keeps the quiet-time rule.
    /// </summary>
    public void AssociationClosed(string associationId, bool released = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(associationId);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            _openAssociations.Remove(associationId);
            foreach (TrackedSeries series in _series.Values)
            {
                if (series.State.OpenAssociations.Remove(associationId) && released)
                {
                    series.Released(associationId, now);
                }
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
                if (s.Status == SeriesStatus.Receiving && DueAt(series) <= now)
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
                    DateTimeOffset due = DueAt(series);
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
    // its close, but no longer than MaxOpenAssociationWait after the last instance. A release by the association that
    // carried the whole series shortens the wait to the release grace.
    private DateTimeOffset DueAt(TrackedSeries series)
    {
        SeriesTrackingState s = series.State;
        if (s.OpenAssociations.Count > 0)
        {
            return s.LastArrival + _options.MaxOpenAssociationWait;
        }

        DateTimeOffset quiet = s.LastArrival + _options.QuietTime;
        return series.ReleasedAt is { } released && released + _options.ReleaseGrace < quiet ? released + _options.ReleaseGrace : quiet;
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

    /// <summary>
    /// A series' state, an index of its SOP instances for de-duplication, and who delivered its current reception
    /// (the arrivals since it was created or last reopened), which decides whether a release may complete it early.
    /// The reception is not persisted: after a restart the quiet-time rule applies.
    /// </summary>
    private sealed class TrackedSeries
    {
        private readonly Dictionary<string, TrackedInstance> _bySop = new(StringComparer.Ordinal);
        private readonly HashSet<string> _receptionAssociations = new(StringComparer.Ordinal);
        private int _receptionArrivals;
        private bool _receptionHasOtherSources;

        public TrackedSeries(SeriesTrackingState state, bool restored)
        {
            State = state;
            foreach (TrackedInstance i in state.Instances)
            {
                _bySop[i.SopInstanceUid] = i;
            }

            // Instances received before a restart came from associations that are gone: no release can vouch for them.
            _receptionHasOtherSources = restored && state.Status == SeriesStatus.Receiving && state.Instances.Count > 0;
        }

        public SeriesTrackingState State { get; }

        /// <summary>When the association that carried the whole reception was released; null when that has not happened.</summary>
        public DateTimeOffset? ReleasedAt { get; private set; }

        public void Released(string associationId, DateTimeOffset now)
        {
            if (!_receptionHasOtherSources && State.OpenAssociations.Count == 0 && _receptionArrivals >= MinimumInstancesForRelease
                && _receptionAssociations.Count == 1 && _receptionAssociations.Contains(associationId))
            {
                ReleasedAt = now;
            }
        }

        public void Add(InstanceArrival arrival, DateTimeOffset now)
        {
            if (State.Status == SeriesStatus.Complete)
            {
                // Reopened by a late instance: a new reception starts.
                _receptionAssociations.Clear();
                _receptionArrivals = 0;
                _receptionHasOtherSources = false;
            }

            _receptionArrivals++;
            ReleasedAt = null;
            if (arrival.AssociationId is { } association)
            {
                _receptionAssociations.Add(association);
            }
            else
            {
                _receptionHasOtherSources = true;
            }

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
