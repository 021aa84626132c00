using Edge.Reporting.Sources;

namespace Edge.Reporting.Segmentation;

/// <summary>
/// The segments of a result on the source grid: <see cref="Map"/> holds, per voxel, the number of the segment it
/// belongs to (0: none). The model's labels never overlap, so neither do the segments.
/// </summary>
public sealed record SegmentPlan(LabelVolume Map, IReadOnlyList<SegmentDefinition> Segments)
{
    public bool IsEmpty => Segments.Count == 0;
}
