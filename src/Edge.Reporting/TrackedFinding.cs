using Edge.Inference.Screening;

namespace Edge.Reporting;

/// <summary>
/// A finding as every result object names it: the same tracking identifier and UID in the SR's measurement group, the
/// SEG segment and the key image legend, so a viewer can link them.
/// </summary>
internal sealed record TrackedFinding(Finding Finding, int Number, string TrackingId, string TrackingUid)
{
    /// <summary>The SEG segment holding this finding's voxels; null when the result has no mask for it.</summary>
    public int? SegmentNumber { get; set; }
}
