using Edge.Imaging.Geometry;
using Edge.Inference.Packages;

namespace Edge.Inference.Screening;

/// <summary>One segmented finding, measured in patient geometry (LPS millimetres).</summary>
public sealed record Finding
{
    public required string Label { get; init; }

    /// <summary>The label's coded type (e.g. SCT 52988006 "Lesion") for SR/SEG.</summary>
    public CodedConcept? Type { get; init; }

    public required double VolumeMl { get; init; }

    /// <summary>Longest extent in mm between opposite outer faces of the component's voxels.</summary>
    public required double MaxDiameterMm { get; init; }

    public required Vector3D CentroidLps { get; init; }

    /// <summary>Region of the organ the centroid lies in (e.g. "head", "body", "tail"); null when the organ was not found.</summary>
    public string? Location { get; init; }

    /// <summary>Mean probability of the finding's label over its voxels.</summary>
    public required double Probability { get; init; }

    public required int VoxelCount { get; init; }
}
