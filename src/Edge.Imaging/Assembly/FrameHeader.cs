using Edge.Imaging.Geometry;

namespace Edge.Imaging.Assembly;

/// <summary>
/// What assembly needs to know about one image frame: a single-frame CT image, or one frame of an Enhanced CT
/// object with its functional groups resolved (per-frame overriding shared). Read from the header only.
/// </summary>
public sealed class FrameHeader
{
    public required SourceFile Source { get; init; }

    /// <summary>0 for single-frame images; the frame number − 1 in a multi-frame object.</summary>
    public int FrameIndex { get; init; }

    public bool IsMultiFrame { get; init; }

    public required string SopClassUid { get; init; }

    public required string SopInstanceUid { get; init; }

    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string? FrameOfReferenceUid { get; init; }

    public string? Modality { get; init; }

    /// <summary>ImageType, or FrameType of an Enhanced CT frame (upper case, each value trimmed).</summary>
    public IReadOnlyList<string> ImageType { get; init; } = [];

    public int? InstanceNumber { get; init; }

    public int? AcquisitionNumber { get; init; }

    /// <summary>TemporalPositionIdentifier, or TemporalPositionIndex of an Enhanced CT frame: the phase.</summary>
    public int? TemporalPosition { get; init; }

    /// <summary>StackID of an Enhanced CT frame.</summary>
    public string? StackId { get; init; }

    public int Rows { get; init; }

    public int Columns { get; init; }

    /// <summary>Distance between rows (PixelSpacing[0]), mm; null when absent.</summary>
    public double? RowSpacing { get; init; }

    /// <summary>Distance between columns (PixelSpacing[1]), mm.</summary>
    public double? ColumnSpacing { get; init; }

    /// <summary>ImagePositionPatient: the centre of the first pixel, LPS mm.</summary>
    public Vector3D? Position { get; init; }

    /// <summary>ImageOrientationPatient[0..2]: direction of increasing column index.</summary>
    public Vector3D? RowDirection { get; init; }

    /// <summary>ImageOrientationPatient[3..5]: direction of increasing row index.</summary>
    public Vector3D? ColumnDirection { get; init; }

    public double? SliceThickness { get; init; }

    public double? GantryTilt { get; init; }

    public bool HasGeometry => Position is not null && RowDirection is not null && ColumnDirection is not null;

    /// <summary>The slice normal RowDirection × ColumnDirection (zero when the orientation is missing).</summary>
    public Vector3D Normal => RowDirection is { } r && ColumnDirection is { } c ? r.Cross(c).Normalize() : Vector3D.Zero;

    public override string ToString() =>
        IsMultiFrame ? $"{System.IO.Path.GetFileName(Source.Path)} frame {FrameIndex + 1}" : System.IO.Path.GetFileName(Source.Path);
}
