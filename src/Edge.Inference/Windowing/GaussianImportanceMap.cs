using Edge.Imaging.Geometry;

namespace Edge.Inference.Windowing;

/// <summary>
/// nnU-Net's importance weighting: a Gaussian centred on the patch (centre index = size / 2, σ = size × scale per axis),
/// scaled to a maximum of 1. Predictions near a patch border, where context is missing, count less when tiles overlap.
/// Evaluated analytically (nnU-Net filters a delta with a 4σ-truncated kernel; inside the patch the two agree), and
/// clamped to a floor so no voxel has zero weight.
/// </summary>
public sealed class GaussianImportanceMap
{
    /// <summary>Smallest weight kept; the corners of a σ = patch/8 map are ~4e-11, still far above this floor.</summary>
    public const float MinimumWeight = 1e-30f;

    public GaussianImportanceMap(VolumeShape patch, double sigmaScale)
    {
        if (sigmaScale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaScale), sigmaScale, "sigma scale must be positive");
        }

        Patch = patch;
        AxisZ = Axis(patch.Depth, sigmaScale);
        AxisY = Axis(patch.Height, sigmaScale);
        AxisX = Axis(patch.Width, sigmaScale);
        Weights = new float[patch.VoxelCount];
        int i = 0;
        for (int z = 0; z < patch.Depth; z++)
        {
            for (int y = 0; y < patch.Height; y++)
            {
                double zy = AxisZ[z] * AxisY[y];
                for (int x = 0; x < patch.Width; x++)
                {
                    Weights[i++] = Math.Max((float)(zy * AxisX[x]), MinimumWeight);
                }
            }
        }
    }

    public VolumeShape Patch { get; }

    /// <summary>Per-axis factors (max 1); the map is their outer product.</summary>
    public double[] AxisZ { get; }

    public double[] AxisY { get; }

    public double[] AxisX { get; }

    /// <summary>Weights in C order [z, y, x], maximum 1.</summary>
    public float[] Weights { get; }

    private static double[] Axis(int size, double sigmaScale)
    {
        double sigma = size * sigmaScale;
        int centre = size / 2;
        var values = new double[size];
        for (int i = 0; i < size; i++)
        {
            double d = i - centre;
            values[i] = Math.Exp(-(d * d) / (2 * sigma * sigma));
        }

        return values;
    }
}
