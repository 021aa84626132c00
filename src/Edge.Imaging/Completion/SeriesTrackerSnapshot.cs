namespace Edge.Imaging.Completion;

/// <summary>Everything the tracker knows, for persisting across restarts.</summary>
public sealed class SeriesTrackerSnapshot
{
    public List<SeriesTrackingState> Series { get; set; } = [];
}
