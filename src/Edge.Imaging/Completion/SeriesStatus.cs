namespace Edge.Imaging.Completion;

/// <summary>Where a tracked series stands.</summary>
public enum SeriesStatus
{
    /// <summary>Instances are arriving, or the quiet time has not passed, or an association is still open.</summary>
    Receiving,

    /// <summary>Reported complete as generation <see cref="SeriesTrackingState.Generation"/>; a late instance reopens it.</summary>
    Complete,
}
