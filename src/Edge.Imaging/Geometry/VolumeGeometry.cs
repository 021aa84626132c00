namespace Edge.Imaging.Geometry;

/// <summary>
/// Where a voxel grid sits in the patient (DICOM LPS, millimetres). Arrays are indexed [z, y, x] with x fastest.
/// The centre of voxel (z, y, x) is
/// <code>Origin + x·SpacingX·AxisX + y·SpacingY·AxisY + z·SpacingZ·AxisZ</code>
/// <list type="bullet">
/// <item><see cref="AxisX"/>: direction of increasing column index, the DICOM row direction (ImageOrientationPatient[0..2]).</item>
/// <item><see cref="AxisY"/>: direction of increasing row index, the DICOM column direction (ImageOrientationPatient[3..5]).</item>
/// <item><see cref="AxisZ"/>: direction of increasing slice index. For assembled volumes it is the slice normal
/// AxisX × AxisY, because slices are always sorted by ascending position along that normal.</item>
/// <item><see cref="Origin"/>: the centre of voxel [0, 0, 0] (ImagePositionPatient of the first sorted slice).</item>
/// </list>
/// <see cref="Direction"/> lists the three axes one after another (9 numbers, the first six equal
/// ImageOrientationPatient). SimpleITK/ITK's direction matrix is the transpose of this layout read row by row.
/// </summary>
public sealed class VolumeGeometry
{
    // Axes this close to unit length and perpendicular count as orthonormal: DS values carry ~6 significant digits.
    private const double OrthonormalTolerance = 1e-4;

    private readonly double[] _inverse;

    public VolumeGeometry(VolumeShape shape, VoxelSpacing spacing, Vector3D origin, Vector3D axisX, Vector3D axisY, Vector3D axisZ)
    {
        if (shape.Depth <= 0 || shape.Height <= 0 || shape.Width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Every dimension of a volume must be positive.");
        }

        if (!spacing.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Voxel spacing must be positive and finite.");
        }

        Shape = shape;
        Spacing = spacing;
        Origin = origin;
        AxisX = axisX.Normalize();
        AxisY = axisY.Normalize();
        AxisZ = axisZ.Normalize();
        if (AxisX == Vector3D.Zero || AxisY == Vector3D.Zero || AxisZ == Vector3D.Zero)
        {
            throw new ArgumentException("Direction vectors must be non-zero.");
        }

        _inverse = Invert(AxisX * spacing.X, AxisY * spacing.Y, AxisZ * spacing.Z)
            ?? throw new ArgumentException("Direction vectors must not be coplanar.");
    }

    /// <summary>An axial grid with identity directions, as the phantom and most tests use.</summary>
    public static VolumeGeometry Axial(VolumeShape shape, VoxelSpacing spacing, Vector3D origin) =>
        new(shape, spacing, origin, Vector3D.UnitX, Vector3D.UnitY, Vector3D.UnitZ);

    public VolumeShape Shape { get; }

    public VoxelSpacing Spacing { get; }

    public Vector3D Origin { get; }

    public Vector3D AxisX { get; }

    public Vector3D AxisY { get; }

    public Vector3D AxisZ { get; }

    public int Depth => Shape.Depth;

    public int Height => Shape.Height;

    public int Width => Shape.Width;

    /// <summary>The slice normal AxisX × AxisY (equal to <see cref="AxisZ"/> unless the grid is sheared).</summary>
    public Vector3D Normal => AxisX.Cross(AxisY).Normalize();

    public SliceOrientation Orientation => SliceOrientationClassifier.Classify(Normal);

    /// <summary>True when the three axes are unit length and mutually perpendicular (no shear).</summary>
    public bool IsOrthonormal =>
        Math.Abs(AxisX.Dot(AxisY)) < OrthonormalTolerance && Math.Abs(AxisX.Dot(AxisZ)) < OrthonormalTolerance &&
        Math.Abs(AxisY.Dot(AxisZ)) < OrthonormalTolerance;

    /// <summary>AxisX, AxisY, AxisZ concatenated: 9 numbers, the first six are ImageOrientationPatient.</summary>
    public double[] Direction => [AxisX.X, AxisX.Y, AxisX.Z, AxisY.X, AxisY.Y, AxisY.Z, AxisZ.X, AxisZ.Y, AxisZ.Z];

    /// <summary>Extent of the grid along each axis in mm (count × spacing), [z, y, x].</summary>
    public double[] ExtentMm => [Depth * Spacing.Z, Height * Spacing.Y, Width * Spacing.X];

    /// <summary>
    /// The 4×4 row-major matrix that maps a homogeneous index (x, y, z, 1) to LPS millimetres; note the
    /// (x, y, z) order of the index here, as DICOM PS3.3 C.7.6.2.1.1 and ITK write it.
    /// </summary>
    public double[] AffineLps =>
    [
        AxisX.X * Spacing.X, AxisY.X * Spacing.Y, AxisZ.X * Spacing.Z, Origin.X,
        AxisX.Y * Spacing.X, AxisY.Y * Spacing.Y, AxisZ.Y * Spacing.Z, Origin.Y,
        AxisX.Z * Spacing.X, AxisY.Z * Spacing.Y, AxisZ.Z * Spacing.Z, Origin.Z,
        0, 0, 0, 1,
    ];

    /// <summary>The LPS position of a (possibly fractional) voxel index [z, y, x].</summary>
    public Vector3D IndexToPatient(double z, double y, double x) =>
        Origin + (AxisX * (x * Spacing.X)) + (AxisY * (y * Spacing.Y)) + (AxisZ * (z * Spacing.Z));

    public Vector3D IndexToPatient(ContinuousIndex index) => IndexToPatient(index.Z, index.Y, index.X);

    /// <summary>The fractional voxel index [z, y, x] of an LPS position (exact inverse, shear included).</summary>
    public ContinuousIndex PatientToIndex(Vector3D lps)
    {
        Vector3D d = lps - Origin;
        double[] m = _inverse;
        double x = (m[0] * d.X) + (m[1] * d.Y) + (m[2] * d.Z);
        double y = (m[3] * d.X) + (m[4] * d.Y) + (m[5] * d.Z);
        double z = (m[6] * d.X) + (m[7] * d.Y) + (m[8] * d.Z);
        return new ContinuousIndex(z, y, x);
    }

    /// <summary>True when the index lies within the grid's voxel centres (inclusive).</summary>
    public bool ContainsIndex(ContinuousIndex index) =>
        index.Z >= 0 && index.Z <= Depth - 1 && index.Y >= 0 && index.Y <= Height - 1 && index.X >= 0 && index.X <= Width - 1;

    /// <summary>The same placement with another shape and spacing (the origin voxel centre stays put).</summary>
    public VolumeGeometry WithGrid(VolumeShape shape, VoxelSpacing spacing) => new(shape, spacing, Origin, AxisX, AxisY, AxisZ);

    /// <summary>The geometry of the sub-grid that starts at voxel [z0, y0, x0].</summary>
    public VolumeGeometry SubGrid(int z0, int y0, int x0, VolumeShape shape) =>
        new(shape, Spacing, IndexToPatient(z0, y0, x0), AxisX, AxisY, AxisZ);

    public override string ToString() =>
        $"shape {Shape}, spacing {Spacing} mm, origin {Origin}, {Orientation}";

    // Inverse of the 3×3 matrix whose columns are a, b, c (row-major result), or null when singular.
    private static double[]? Invert(Vector3D a, Vector3D b, Vector3D c)
    {
        Vector3D bc = b.Cross(c), ca = c.Cross(a), ab = a.Cross(b);
        double det = a.Dot(bc);
        if (Math.Abs(det) < 1e-12)
        {
            return null;
        }

        return [bc.X / det, bc.Y / det, bc.Z / det, ca.X / det, ca.Y / det, ca.Z / det, ab.X / det, ab.Y / det, ab.Z / det];
    }
}
