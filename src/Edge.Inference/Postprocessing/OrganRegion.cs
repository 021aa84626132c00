using Edge.Imaging.Geometry;

namespace Edge.Inference.Postprocessing;

/// <summary>
/// The predicted organ as the region where findings are looked for: the largest 26-connected component of the voxels
/// labelled organ or finding (together, so a lesion that splits the gland does not cut its tail off), optionally grown by
/// a margin. reference_infer.py (preprocess.organ_region) computes the same region for calibration.
/// </summary>
public sealed class OrganRegion
{
    private OrganRegion(VolumeShape shape, Component gland)
    {
        Shape = shape;
        Gland = gland;
    }

    public VolumeShape Shape { get; }

    /// <summary>The organ with its findings, before any margin.</summary>
    public Component Gland { get; }

    /// <returns>null when no voxel carries one of <paramref name="values"/>.</returns>
    public static OrganRegion? Find(ReadOnlySpan<byte> labelMap, VolumeShape shape, IReadOnlyCollection<byte> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var member = new byte[labelMap.Length];
        for (int i = 0; i < labelMap.Length; i++)
        {
            member[i] = values.Contains(labelMap[i]) ? (byte)1 : (byte)0;
        }

        IReadOnlyList<Component> parts = ConnectedComponents.Find(member, shape, 1, 26);
        return parts.Count == 0 ? null : new OrganRegion(shape, parts[0]);
    }

    /// <summary>The gland grown by round-half-even(margin / spacing) voxels along each axis in turn (a box element).</summary>
    public bool[] Grow(double marginMm, VoxelSpacing spacing)
    {
        var mask = new bool[Shape.VoxelCount];
        foreach (int voxel in Gland.Voxels)
        {
            mask[voxel] = true;
        }

        Dilate(mask, Shape, Radius(marginMm, spacing.Z), Radius(marginMm, spacing.Y), Radius(marginMm, spacing.X));
        return mask;
    }

    /// <summary>Grows a mask by the given number of voxels along z, y and x in turn (Chebyshev distance).</summary>
    public static void Dilate(bool[] mask, VolumeShape shape, int radiusZ, int radiusY, int radiusX)
    {
        ArgumentNullException.ThrowIfNull(mask);
        DilateAxis(mask, shape.Depth, shape.SliceLength, shape.SliceLength * shape.Depth, radiusZ);
        DilateAxis(mask, shape.Height, shape.Width, shape.SliceLength, radiusY);
        DilateAxis(mask, shape.Width, 1, shape.Width, radiusX);
    }

    private static int Radius(double marginMm, double spacingMm) => (int)Math.Round(marginMm / spacingMm, MidpointRounding.ToEven);

    /// <summary>One axis: each line (length n, element stride) becomes true wherever a true lies within radius.</summary>
    private static void DilateAxis(bool[] mask, int n, int stride, int block, int radius)
    {
        if (radius <= 0 || n <= 1)
        {
            return;
        }

        var line = new bool[n];
        for (int outer = 0; outer < mask.Length; outer += block)
        {
            for (int inner = 0; inner < stride; inner++)
            {
                int first = outer + inner;
                for (int i = 0; i < n; i++)
                {
                    line[i] = mask[first + (i * stride)];
                }

                // Distance to the nearest true on either side, by two sweeps.
                int last = int.MinValue / 2;
                for (int i = 0; i < n; i++)
                {
                    if (line[i])
                    {
                        last = i;
                    }
                    else if (i - last <= radius)
                    {
                        mask[first + (i * stride)] = true;
                    }
                }

                last = int.MaxValue / 2;
                for (int i = n - 1; i >= 0; i--)
                {
                    if (line[i])
                    {
                        last = i;
                    }
                    else if (last - i <= radius)
                    {
                        mask[first + (i * stride)] = true;
                    }
                }
            }
        }
    }
}
