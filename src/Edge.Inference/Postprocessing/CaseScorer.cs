using System.Numerics.Tensors;
using Edge.Imaging.Geometry;
using Edge.Inference.Packages;

namespace Edge.Inference.Postprocessing;

/// <summary>The case-level probability from one channel's probability map (see <see cref="CaseScoreMethod"/>).</summary>
public static class CaseScorer
{
    public static double Score(ReadOnlySpan<float> probability, VolumeShape shape, VoxelSpacing spacing, CaseScoreSpec spec)
        => Score(probability, shape, spacing, spec, null);

    /// <param name="organ">
    /// For <see cref="CaseScoreMethod.MaxSmoothedProbabilityInOrgan"/>: where box centres may lie (the grown organ
    /// region); null when the network found no organ, and then the whole map counts.
    /// </param>
    public static double Score(ReadOnlySpan<float> probability, VolumeShape shape, VoxelSpacing spacing, CaseScoreSpec spec, bool[]? organ)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (probability.Length != shape.VoxelCount)
        {
            throw new ArgumentException($"map holds {probability.Length} voxels, shape {shape} needs {shape.VoxelCount}", nameof(probability));
        }

        return spec.Method switch
        {
            CaseScoreMethod.MaxProbability => TensorPrimitives.Max(probability),
            CaseScoreMethod.MaxSmoothedProbabilityInOrgan when organ is not null => MaxBoxMeanIn(probability, shape, KernelVoxels(spec.KernelMm, spacing, shape), organ),
            _ => MaxBoxMean(probability, shape, KernelVoxels(spec.KernelMm, spacing, shape)),
        };
    }

    /// <summary>Box edge per axis: the kernel in voxels (at least 1), never longer than the axis.</summary>
    public static (int Z, int Y, int X) KernelVoxels(double kernelMm, VoxelSpacing spacing, VolumeShape shape) =>
        (Edge(kernelMm, spacing.Z, shape.Depth), Edge(kernelMm, spacing.Y, shape.Height), Edge(kernelMm, spacing.X, shape.Width));

    /// <summary>Maximum over every box position fully inside the volume of the box's mean, by three separable running sums.</summary>
    public static double MaxBoxMean(ReadOnlySpan<float> values, VolumeShape shape, (int Z, int Y, int X) box)
        => MaxBoxMeanCore(values, shape, box, null);

    /// <summary>
    /// As <see cref="MaxBoxMean"/>, over the boxes whose centre voxel (first voxel + edge / 2 on each axis) lies in
    /// <paramref name="centres"/>; the unrestricted maximum when no box does.
    /// </summary>
    public static double MaxBoxMeanIn(ReadOnlySpan<float> values, VolumeShape shape, (int Z, int Y, int X) box, bool[] centres)
    {
        ArgumentNullException.ThrowIfNull(centres);
        if (centres.Length != shape.VoxelCount)
        {
            throw new ArgumentException($"mask holds {centres.Length} voxels, shape {shape} needs {shape.VoxelCount}", nameof(centres));
        }

        double inside = MaxBoxMeanCore(values, shape, box, centres);
        return double.IsNegativeInfinity(inside) ? MaxBoxMeanCore(values, shape, box, null) : inside;
    }

    private static double MaxBoxMeanCore(ReadOnlySpan<float> values, VolumeShape shape, (int Z, int Y, int X) box, bool[]? centres)
    {
        int outZ = shape.Depth - box.Z + 1, outY = shape.Height - box.Y + 1, outX = shape.Width - box.X + 1;

        // Sum along x, then y, then z; each pass shrinks its axis to the valid box positions. Doubles keep the running
        // sums exact enough over hundreds of voxels.
        var alongX = new double[shape.Depth * shape.Height * outX];
        for (int row = 0; row < shape.Depth * shape.Height; row++)
        {
            RunningSum(values.Slice(row * shape.Width, shape.Width), box.X, alongX.AsSpan(row * outX, outX));
        }

        var alongY = new double[shape.Depth * outY * outX];
        var column = new double[shape.Height];
        var columnSums = new double[outY];
        for (int z = 0; z < shape.Depth; z++)
        {
            for (int x = 0; x < outX; x++)
            {
                for (int y = 0; y < shape.Height; y++)
                {
                    column[y] = alongX[(((z * shape.Height) + y) * outX) + x];
                }

                RunningSum(column, box.Y, columnSums);
                for (int y = 0; y < outY; y++)
                {
                    alongY[(((z * outY) + y) * outX) + x] = columnSums[y];
                }
            }
        }

        double best = double.NegativeInfinity;
        var pillar = new double[shape.Depth];
        var pillarSums = new double[outZ];
        for (int yx = 0; yx < outY * outX; yx++)
        {
            for (int z = 0; z < shape.Depth; z++)
            {
                pillar[z] = alongY[(z * outY * outX) + yx];
            }

            RunningSum(pillar, box.Z, pillarSums);
            if (centres is null)
            {
                foreach (double sum in pillarSums)
                {
                    best = Math.Max(best, sum);
                }

                continue;
            }

            // Box start (z, y, x) has its centre voxel at (z + Z/2, y + Y/2, x + X/2).
            int centreYx = (((yx / outX) + (box.Y / 2)) * shape.Width) + (yx % outX) + (box.X / 2);
            for (int z = 0; z < outZ; z++)
            {
                if (centres[((z + (box.Z / 2)) * shape.SliceLength) + centreYx])
                {
                    best = Math.Max(best, pillarSums[z]);
                }
            }
        }

        return best / ((double)box.Z * box.Y * box.X);
    }

    private static int Edge(double kernelMm, double spacingMm, int axisLength)
        => Math.Clamp((int)Math.Round(kernelMm / spacingMm, MidpointRounding.ToEven), 1, axisLength);

    private static void RunningSum(ReadOnlySpan<float> input, int window, Span<double> output)
    {
        double sum = 0;
        for (int i = 0; i < window; i++)
        {
            sum += input[i];
        }

        output[0] = sum;
        for (int i = 1; i < output.Length; i++)
        {
            sum += (double)input[i + window - 1] - input[i - 1];
            output[i] = sum;
        }
    }

    private static void RunningSum(ReadOnlySpan<double> input, int window, Span<double> output)
    {
        double sum = 0;
        for (int i = 0; i < window; i++)
        {
            sum += input[i];
        }

        output[0] = sum;
        for (int i = 1; i < output.Length; i++)
        {
            sum += input[i + window - 1] - input[i - 1];
            output[i] = sum;
        }
    }
}
