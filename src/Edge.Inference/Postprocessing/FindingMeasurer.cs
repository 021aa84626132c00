using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Inference.Screening;

namespace Edge.Inference.Postprocessing;

/// <summary>Measures a finding component in patient geometry: volume, maximum diameter, centroid, location, probability.</summary>
public static class FindingMeasurer
{
    /// <summary>
    /// Pairwise distances are taken between surface voxels only, at most this many (a 40 mm lesion at 1 mm has ~5,000);
    /// a larger surface is subsampled evenly, which can shorten the diameter by at most the sampling gap.
    /// </summary>
    public const int MaxSurfaceVoxels = 4096;

    public static Finding Measure(Component component, OutputLabel label, VolumeGeometry geometry, ReadOnlySpan<float> probability, OrganAxis? organ, LocationSpec? location)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(geometry);
        VoxelSpacing spacing = geometry.Spacing;
        double voxelMl = spacing.Z * spacing.Y * spacing.X / 1000.0;
        double z = 0, y = 0, x = 0, p = 0;
        foreach (int voxel in component.Voxels)
        {
            (int vz, int vy, int vx) = VoxelGeometry.Unravel(voxel, geometry.Shape);
            z += vz;
            y += vy;
            x += vx;
            p += probability[voxel];
        }

        int n = component.VoxelCount;
        Vector3D centroid = geometry.IndexToPatient(z / n, y / n, x / n);
        string? region = null;
        if (organ is not null && location is not null)
        {
            region = OrganAxis.Region(organ.Position(centroid), location.Regions, location.Boundaries);
        }

        return new Finding
        {
            Label = label.Name,
            Type = label.Type,
            VolumeMl = n * voxelMl,
            MaxDiameterMm = MaxDiameter(component, geometry),
            CentroidLps = centroid,
            Location = region,
            Probability = p / n,
            VoxelCount = n,
        };
    }

    /// <summary>
    /// The largest distance between voxel centres, plus the extent of one voxel along that direction, so a single voxel
    /// measures its own size and a sphere measures close to its diameter.
    /// </summary>
    public static double MaxDiameter(Component component, VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(geometry);
        Vector3D[] surface = SurfacePoints(component, geometry);
        Vector3D ex = geometry.AxisX * geometry.Spacing.X, ey = geometry.AxisY * geometry.Spacing.Y, ez = geometry.AxisZ * geometry.Spacing.Z;
        double best = 0;
        Vector3D bestDelta = geometry.AxisX;
        for (int i = 0; i < surface.Length; i++)
        {
            for (int j = i + 1; j < surface.Length; j++)
            {
                Vector3D d = surface[j] - surface[i];
                double squared = d.Dot(d);
                if (squared > best)
                {
                    best = squared;
                    bestDelta = d;
                }
            }
        }

        Vector3D u = bestDelta.Normalize();
        double voxelExtent = Math.Abs(u.Dot(ex)) + Math.Abs(u.Dot(ey)) + Math.Abs(u.Dot(ez));
        return Math.Sqrt(best) + voxelExtent;
    }

    private static Vector3D[] SurfacePoints(Component component, VolumeGeometry geometry)
    {
        VolumeShape shape = geometry.Shape;
        var members = new HashSet<int>(component.Voxels);
        var surface = new List<int>();
        foreach (int voxel in component.Voxels)
        {
            (int z, int y, int x) = VoxelGeometry.Unravel(voxel, shape);
            bool inner = z > 0 && z < shape.Depth - 1 && y > 0 && y < shape.Height - 1 && x > 0 && x < shape.Width - 1
                && members.Contains(voxel - 1) && members.Contains(voxel + 1)
                && members.Contains(voxel - shape.Width) && members.Contains(voxel + shape.Width)
                && members.Contains(voxel - shape.SliceLength) && members.Contains(voxel + shape.SliceLength);
            if (!inner)
            {
                surface.Add(voxel);
            }
        }

        int stride = (surface.Count + MaxSurfaceVoxels - 1) / MaxSurfaceVoxels;
        var points = new List<Vector3D>(Math.Min(surface.Count, MaxSurfaceVoxels));
        for (int i = 0; i < surface.Count; i += Math.Max(stride, 1))
        {
            points.Add(VoxelGeometry.Position(surface[i], geometry));
        }

        return [.. points];
    }
}
