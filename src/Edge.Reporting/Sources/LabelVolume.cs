using Edge.Imaging.Geometry;

namespace Edge.Reporting.Sources;

/// <summary>
/// A label map (one byte per voxel, [z, y, x] with x fastest) on a grid placed in the patient by its
/// <see cref="VolumeGeometry"/>. The inference layer produces one on its network grid (reoriented, resampled,
/// cropped); <see cref="ResampleTo"/> and <see cref="SamplePlane"/> carry it onto the source series' grid and frames by
/// nearest neighbour in patient coordinates, so labels are never blended.
/// </summary>
public sealed class LabelVolume
{
    // Grids whose placement agrees to this many mm (or direction cosines to this much) are the same grid: DS values
    // carry about six significant digits.
    private const double SameGridTolerance = 1e-4;

    public LabelVolume(VolumeGeometry geometry, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.LongLength != geometry.Shape.VoxelCount)
        {
            throw new ArgumentException($"a label map for shape {geometry.Shape} needs {geometry.Shape.VoxelCount} voxels, got {labels.LongLength}", nameof(labels));
        }

        Geometry = geometry;
        Labels = labels;
    }

    public VolumeGeometry Geometry { get; }

    public byte[] Labels { get; }

    public VolumeShape Shape => Geometry.Shape;

    public byte this[int z, int y, int x] => Labels[(((long)z * Shape.Height) + y) * Shape.Width + x];

    public ReadOnlySpan<byte> Slice(int z) => Labels.AsSpan(z * Shape.SliceLength, Shape.SliceLength);

    public long Count(byte value)
    {
        long n = 0;
        foreach (byte label in Labels)
        {
            if (label == value)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>This map on <paramref name="target"/>'s grid (this instance when the grids coincide).</summary>
    public LabelVolume ResampleTo(VolumeGeometry target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (SameGrid(Geometry, target))
        {
            return this;
        }

        var labels = new byte[checked((int)target.Shape.VoxelCount)];
        int plane = target.Shape.SliceLength;
        Vector3D xStep = target.AxisX * target.Spacing.X, yStep = target.AxisY * target.Spacing.Y;
        Parallel.For(0, target.Depth, z => SamplePlane(
            target.IndexToPatient(z, 0, 0), xStep, yStep, target.Height, target.Width, labels.AsSpan(z * plane, plane)));
        return new LabelVolume(target, labels);
    }

    /// <summary>
    /// Samples a plane of <paramref name="rows"/> × <paramref name="columns"/> points: point (r, c) lies at
    /// <paramref name="origin"/> + c·<paramref name="columnStep"/> + r·<paramref name="rowStep"/>. Points outside the grid read 0.
    /// </summary>
    public void SamplePlane(Vector3D origin, Vector3D columnStep, Vector3D rowStep, int rows, int columns, Span<byte> destination)
    {
        if (destination.Length < rows * columns)
        {
            throw new ArgumentException($"destination holds {destination.Length} values, the plane needs {rows * columns}", nameof(destination));
        }

        // The map from patient position to index is affine: step through index space instead of inverting per point.
        ContinuousIndex start = Geometry.PatientToIndex(origin);
        ContinuousIndex alongRow = Delta(Geometry.PatientToIndex(origin + columnStep), start);
        ContinuousIndex alongColumn = Delta(Geometry.PatientToIndex(origin + rowStep), start);
        VolumeShape shape = Shape;
        if (OnGridRows(start, alongRow, alongColumn))
        {
            CopyRows(start, rows, columns, destination);
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            double z = start.Z + (r * alongColumn.Z), y = start.Y + (r * alongColumn.Y), x = start.X + (r * alongColumn.X);
            Span<byte> line = destination.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++)
            {
                int iz = Nearest(z + (c * alongRow.Z)), iy = Nearest(y + (c * alongRow.Y)), ix = Nearest(x + (c * alongRow.X));
                line[c] = (uint)iz < (uint)shape.Depth && (uint)iy < (uint)shape.Height && (uint)ix < (uint)shape.Width
                    ? Labels[(((iz * shape.Height) + iy) * shape.Width) + ix]
                    : (byte)0;
            }
        }
    }

    internal static bool SameGrid(VolumeGeometry a, VolumeGeometry b) =>
        a.Shape == b.Shape &&
        Close(a.Spacing.Z, b.Spacing.Z) && Close(a.Spacing.Y, b.Spacing.Y) && Close(a.Spacing.X, b.Spacing.X) &&
        Close(a.Origin, b.Origin) && Close(a.AxisX, b.AxisX) && Close(a.AxisY, b.AxisY) && Close(a.AxisZ, b.AxisZ);

    /// <summary>
    /// True when the plane is a slice of this grid (the usual case: masks on the source grid, frames on its slices):
    /// the first point is a voxel centre and the steps are one voxel along x and y.
    /// </summary>
    private static bool OnGridRows(ContinuousIndex start, ContinuousIndex alongRow, ContinuousIndex alongColumn)
    {
        const double Exact = 1e-6;
        return Math.Abs(start.Z - Nearest(start.Z)) < Exact && Math.Abs(start.Y - Nearest(start.Y)) < Exact && Math.Abs(start.X - Nearest(start.X)) < Exact
            && Math.Abs(alongRow.X - 1) < Exact && Math.Abs(alongRow.Y) < Exact && Math.Abs(alongRow.Z) < Exact
            && Math.Abs(alongColumn.Y - 1) < Exact && Math.Abs(alongColumn.X) < Exact && Math.Abs(alongColumn.Z) < Exact;
    }

    private void CopyRows(ContinuousIndex start, int rows, int columns, Span<byte> destination)
    {
        int z = Nearest(start.Z), y0 = Nearest(start.Y), x0 = Nearest(start.X);
        destination[..(rows * columns)].Clear();
        if ((uint)z >= (uint)Shape.Depth)
        {
            return;
        }

        // The part of each plane row that falls inside the grid.
        int from = Math.Max(0, -x0), to = Math.Min(columns, Shape.Width - x0);
        for (int r = Math.Max(0, -y0); r < rows && y0 + r < Shape.Height; r++)
        {
            if (to > from)
            {
                Labels.AsSpan((((z * Shape.Height) + y0 + r) * Shape.Width) + x0 + from, to - from).CopyTo(destination.Slice((r * columns) + from, to - from));
            }
        }
    }

    // Half-way points round away from zero; a voxel centre computed through two affine maps lands within 1e-9 of an integer.
    private static int Nearest(double index) => (int)Math.Floor(index + 0.5);

    private static ContinuousIndex Delta(ContinuousIndex to, ContinuousIndex from) => new(to.Z - from.Z, to.Y - from.Y, to.X - from.X);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= SameGridTolerance;

    private static bool Close(Vector3D a, Vector3D b) => Close(a.X, b.X) && Close(a.Y, b.Y) && Close(a.Z, b.Z);
}
