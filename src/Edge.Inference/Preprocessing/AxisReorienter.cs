using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Inference.Packages;

namespace Edge.Inference.Preprocessing;

/// <summary>
/// Brings a volume to the axis convention a network expects (e.g. "LPS": x → left, y → posterior, z → superior) by
/// permuting and flipping array axes: no interpolation, every voxel keeps its patient position. Each array axis is
/// matched to the patient axis its direction is closest to; an axial series from any scanner is already LPS, so this is
/// a no-op (and no copy) in the common case.
/// </summary>
public static class AxisReorienter
{
    public static CtVolume ToOrientation(CtVolume volume, string code)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (!AxisCodes.IsValid(code))
        {
            throw new ArgumentException($"'{code}' is not an orientation code", nameof(code));
        }

        VolumeGeometry g = volume.Geometry;
        Vector3D[] axes = [g.AxisZ, g.AxisY, g.AxisX];                // array axes in [z, y, x] order
        double[] spacing = [g.Spacing.Z, g.Spacing.Y, g.Spacing.X];
        int[] sizes = [g.Depth, g.Height, g.Width];

        // For each output array axis (z, y, x ← code letters 2, 1, 0), the source array axis and whether it runs backwards.
        var source = new int[3];
        var flip = new bool[3];
        var used = new bool[3];
        for (int output = 0; output < 3; output++)
        {
            char letter = code[2 - output];
            int patientAxis = AxisCodes.PatientAxis(letter);
            int best = -1;
            double bestDot = 0;
            for (int a = 0; a < 3; a++)
            {
                double component = Component(axes[a], patientAxis);
                if (!used[a] && Math.Abs(component) > Math.Abs(bestDot))
                {
                    best = a;
                    bestDot = component;
                }
            }

            if (best < 0)
            {
                throw new ArgumentException($"volume axes {g} cannot be matched to orientation {code}", nameof(volume));
            }

            used[best] = true;
            source[output] = best;
            flip[output] = Math.Sign(bestDot) != AxisCodes.Sign(letter);
        }

        if (source is [0, 1, 2] && !flip[0] && !flip[1] && !flip[2])
        {
            return volume;
        }

        var shape = new VolumeShape(sizes[source[0]], sizes[source[1]], sizes[source[2]]);
        var voxels = GC.AllocateUninitializedArray<float>(checked((int)shape.VoxelCount));
        int[] strides = [g.Shape.SliceLength, g.Width, 1];
        int sz = strides[source[0]], sy = strides[source[1]], sx = strides[source[2]];
        Parallel.For(0, shape.Depth, z =>
        {
            int iz = flip[0] ? shape.Depth - 1 - z : z;
            for (int y = 0; y < shape.Height; y++)
            {
                int iy = flip[1] ? shape.Height - 1 - y : y;
                int row = ((z * shape.Height) + y) * shape.Width;
                for (int x = 0; x < shape.Width; x++)
                {
                    int ix = flip[2] ? shape.Width - 1 - x : x;
                    voxels[row + x] = volume.Voxels[(iz * sz) + (iy * sy) + (ix * sx)];
                }
            }
        });

        int[] first = new int[3];
        for (int output = 0; output < 3; output++)
        {
            first[source[output]] = flip[output] ? sizes[source[output]] - 1 : 0;
        }

        Vector3D origin = g.IndexToPatient(first[0], first[1], first[2]);
        Vector3D Axis(int output) => flip[output] ? -axes[source[output]] : axes[source[output]];
        var geometry = new VolumeGeometry(shape, new VoxelSpacing(spacing[source[0]], spacing[source[1]], spacing[source[2]]), origin, Axis(2), Axis(1), Axis(0));
        return new CtVolume(geometry, voxels)
        {
            StudyInstanceUid = volume.StudyInstanceUid,
            SeriesInstanceUid = volume.SeriesInstanceUid,
            InstanceCount = volume.InstanceCount,
            Warnings = volume.Warnings,
        };
    }

    private static double Component(Vector3D v, int patientAxis) => patientAxis switch
    {
        0 => v.X,
        1 => v.Y,
        _ => v.Z,
    };
}
