namespace Edge.Imaging.Completion;

/// <summary>
/// The persisted state of one series (a plain DTO with settable properties, so LiteDB's BSON mapper stores it as it
/// is). <see cref="Generation"/> counts completions: a late arrival reopens the series and its next completion
/// carries a higher generation, which supersedes results computed for the earlier one.
/// </summary>
public sealed class SeriesTrackingState
{
    public string StudyInstanceUid { get; set; } = string.Empty;

    public string SeriesInstanceUid { get; set; } = string.Empty;

    public SeriesStatus Status { get; set; }

    /// <summary>0 until the first completion, then 1, 2, ... one per completion.</summary>
    public int Generation { get; set; }

    public DateTimeOffset FirstArrival { get; set; }

    public DateTimeOffset LastArrival { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Associations that delivered instances of this series and have not closed.</summary>
    public List<string> OpenAssociations { get; set; } = [];

    public List<TrackedInstance> Instances { get; set; } = [];
}
