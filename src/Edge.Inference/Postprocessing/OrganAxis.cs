using Edge.Imaging.Geometry;

namespace Edge.Inference.Postprocessing;

/// <summary>
/// The principal axis of an organ's voxels in patient space, oriented towards patient left (+x in LPS), so position 0 is
/// the organ's patient-right end. For the pancreas that end is the head, position 1 the tail.
/// </summary>
public sealed class OrganAxis
{
    private OrganAxis(Vector3D centre, Vector3D direction, double min, double max)
    {
        Centre = centre;
        Direction = direction;
        Min = min;
        Max = max;
    }

    public Vector3D Centre { get; }
    public Vector3D Direction { get; }
    public double Min { get; }
    public double Max { get; }

    /// <returns>null when the organ has too few voxels to have an axis.</returns>
    public static OrganAxis? Fit(IReadOnlyList<int> voxels, VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(voxels);
        ArgumentNullException.ThrowIfNull(geometry);
        if (voxels.Count < 8)
        {
            return null;
        }

        var points = new Vector3D[voxels.Count];
        Vector3D sum = Vector3D.Zero;
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = VoxelGeometry.Position(voxels[i], geometry);
            sum += points[i];
        }

        Vector3D centre = sum / points.Length;
        double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
        foreach (Vector3D p in points)
        {
            Vector3D d = p - centre;
            xx += d.X * d.X;
            xy += d.X * d.Y;
            xz += d.X * d.Z;
            yy += d.Y * d.Y;
            yz += d.Y * d.Z;
            zz += d.Z * d.Z;
        }

        // Power iteration on the 3×3 covariance converges to the principal axis; 100 rounds are ample for 3×3.
        Vector3D axis = new(1, 0.1, 0.01);
        for (int i = 0; i < 100; i++)
        {
            axis = new Vector3D(
                (xx * axis.X) + (xy * axis.Y) + (xz * axis.Z),
                (xy * axis.X) + (yy * axis.Y) + (yz * axis.Z),
                (xz * axis.X) + (yz * axis.Y) + (zz * axis.Z)).Normalize();
            if (axis == Vector3D.Zero)
            {
                return null;
            }
        }

        if (axis.X < 0)
        {
            axis = -axis;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (Vector3D p in points)
        {
            double t = (p - centre).Dot(axis);
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        return max > min ? new OrganAxis(centre, axis, min, max) : null;
    }

    /// <summary>Where a point projects along the organ, 0 (patient-right end) to 1, clamped.</summary>
    public double Position(Vector3D point) => Math.Clamp(((point - Centre).Dot(Direction) - Min) / (Max - Min), 0, 1);

    public static string Region(double position, IReadOnlyList<string> regions, IReadOnlyList<double> boundaries)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(boundaries);
        for (int i = 0; i < boundaries.Count; i++)
        {
            if (position < boundaries[i])
            {
                return regions[i];
            }
        }

        return regions[^1];
    }
}
