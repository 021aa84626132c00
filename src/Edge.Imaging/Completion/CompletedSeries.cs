namespace Edge.Imaging.Completion;

/// <summary>A series that became complete: assemble <see cref="Instances"/>; a later <see cref="Generation"/> supersedes this one.</summary>
public sealed record CompletedSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    int Generation,
    IReadOnlyList<TrackedInstance> Instances,
    DateTimeOffset CompletedAt);
