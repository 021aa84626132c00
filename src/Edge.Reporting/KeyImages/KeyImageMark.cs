using Edge.Imaging.Geometry;

namespace Edge.Reporting.KeyImages;

/// <summary>
/// A finding to mark on a key image: outlined from the label map where <see cref="Segment"/> has pixels on the slice,
/// else circled at its centre with its diameter. <see cref="Tag"/> sits beside the mark, <see cref="Legend"/> below the image.
/// </summary>
public sealed record KeyImageMark
{
    public required string Tag { get; init; }

    public required string Legend { get; init; }

    public required Vector3D CentreLps { get; init; }

    public required double DiameterMm { get; init; }

    /// <summary>The value of this finding's voxels in the label map given to the renderer, if any.</summary>
    public byte? Segment { get; init; }
}
