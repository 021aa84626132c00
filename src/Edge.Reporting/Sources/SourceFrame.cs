using Edge.Imaging.Geometry;

namespace Edge.Reporting.Sources;

/// <summary>
/// One image frame of the source series, as the result objects reference it: its instance, frame number, the volume
/// slice it became, and its own geometry (ImagePositionPatient, ImageOrientationPatient, PixelSpacing as stored).
/// </summary>
public sealed record SourceFrame
{
    public required string SopClassUid { get; init; }

    public required string SopInstanceUid { get; init; }

    /// <summary>1-based frame number within a multi-frame instance; null for a single-frame image.</summary>
    public int? FrameNumber { get; init; }

    /// <summary>The volume slice index this frame fills.</summary>
    public required int Z { get; init; }

    /// <summary>Centre of the first pixel (ImagePositionPatient), LPS mm.</summary>
    public required Vector3D Position { get; init; }

    /// <summary>ImageOrientationPatient[0..2]: direction of increasing column index.</summary>
    public required Vector3D RowDirection { get; init; }

    /// <summary>ImageOrientationPatient[3..5]: direction of increasing row index.</summary>
    public required Vector3D ColumnDirection { get; init; }

    /// <summary>PixelSpacing[0]: distance between rows, mm.</summary>
    public required double RowSpacing { get; init; }

    /// <summary>PixelSpacing[1]: distance between columns, mm.</summary>
    public required double ColumnSpacing { get; init; }

    public required int Rows { get; init; }

    public required int Columns { get; init; }

    public double? SliceThickness { get; init; }

    /// <summary>The LPS centre of pixel (row, column).</summary>
    public Vector3D PixelToPatient(double row, double column) =>
        Position + (RowDirection * (column * ColumnSpacing)) + (ColumnDirection * (row * RowSpacing));
}
