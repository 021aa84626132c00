namespace Edge.Imaging.Geometry;

/// <summary>
/// Voxel spacing in millimetres in numpy order [z, y, x]. <see cref="Z"/> is the distance between slice centres
/// along the slice normal (not SliceThickness); <see cref="Y"/> is the row spacing (first value of PixelSpacing)
/// and <see cref="X"/> the column spacing (second value).
/// </summary>
public readonly record struct VoxelSpacing(double Z, double Y, double X)
{
    public static VoxelSpacing Isotropic(double mm) => new(mm, mm, mm);

    public double[] ToArray() => [Z, Y, X];

    public bool IsValid => IsPositive(Z) && IsPositive(Y) && IsPositive(X);

    private static bool IsPositive(double v) => double.IsFinite(v) && v > 0;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Z:0.####}, {Y:0.####}, {X:0.####}]");
}
