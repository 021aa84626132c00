using Edge.Imaging.Geometry;

namespace Edge.Imaging.Resampling;

/// <summary>
/// For each output index along one axis: the lower input index and the weight of the upper neighbour.
/// Output i samples input position i·(newSpacing/oldSpacing), clamped to the last voxel (edge replication).
/// </summary>
internal sealed class AxisSampling
{
    public AxisSampling(int inputLength, int outputLength, double ratio)
    {
        Lower = new int[outputLength];
        Upper = new int[outputLength];
        Weight = new float[outputLength];
        for (int i = 0; i < outputLength; i++)
        {
            double p = Math.Clamp(i * ratio, 0, inputLength - 1);
            // At the last voxel both neighbours are that voxel, so an unchanged grid reproduces values exactly.
            int lower = Math.Min((int)p, inputLength - 1);
            Lower[i] = lower;
            Upper[i] = Math.Min(lower + 1, inputLength - 1);
            Weight[i] = (float)(p - lower);
        }
    }

    public int[] Lower { get; }

    public int[] Upper { get; }

    public float[] Weight { get; }

    /// <summary>
    /// The grid a resampling of <paramref name="source"/> to <paramref name="target"/> produces: origin and directions
    /// kept, <see cref="OutputLength"/> voxels per axis. Throws for an invalid spacing or a grid too large for one array.
    /// </summary>
    public static VolumeGeometry OutputGrid(VolumeGeometry source, VoxelSpacing target)
    {
        if (!target.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "Target spacing must be positive and finite.");
        }

        VoxelSpacing old = source.Spacing;
        var shape = new VolumeShape(
            OutputLength(source.Depth, old.Z, target.Z),
            OutputLength(source.Height, old.Y, target.Y),
            OutputLength(source.Width, old.X, target.X));
        if (shape.VoxelCount > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"Resampling to {target} mm would need {shape.VoxelCount} voxels.");
        }

        return source.WithGrid(shape, target);
    }

    /// <summary>The output length for resampling <paramref name="inputLength"/> voxels of <paramref name="oldSpacing"/> to <paramref name="newSpacing"/>.</summary>
    public static int OutputLength(int inputLength, double oldSpacing, double newSpacing) =>
        Math.Max(1, (int)Math.Round(inputLength * oldSpacing / newSpacing, MidpointRounding.AwayFromZero));
}
