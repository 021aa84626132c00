using Edge.Imaging;
using Edge.Imaging.Geometry;

namespace Edge.Inference.Preprocessing;

/// <summary>
/// Gaussian pre-filter before downsampling, as scikit-image's anti-aliasing does: σ = (new/old − 1)/2 input voxels per
/// axis that shrinks, kernel truncated at ⌈3σ⌉, edges replicated. Trilinear sampling alone reads ~8 voxels per output
/// voxel, so downsampling 0.7 mm slices to 2 mm would throw away most of the data and keep its full noise; filtering
/// first averages it. The reference model's training applies the identical filter (train/preprocess.py).
/// </summary>
public static class AntialiasFilter
{
    public static double Sigma(double oldSpacing, double newSpacing) => Math.Max(0, ((newSpacing / oldSpacing) - 1) / 2);

    /// <summary>The normalised kernel for σ (a single 1 when σ is 0).</summary>
    public static float[] Kernel(double sigma)
    {
        if (sigma <= 0)
        {
            return [1f];
        }

        int radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * radius) + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }

        return [.. kernel.Select(k => (float)(k / sum))];
    }

    /// <summary>Filters the volume in place for downsampling to <paramref name="target"/>.</summary>
    public static void Apply(CtVolume volume, VoxelSpacing target)
    {
        ArgumentNullException.ThrowIfNull(volume);
        VolumeShape shape = volume.Shape;
        VoxelSpacing spacing = volume.Geometry.Spacing;
        float[] kx = Kernel(Sigma(spacing.X, target.X)), ky = Kernel(Sigma(spacing.Y, target.Y)), kz = Kernel(Sigma(spacing.Z, target.Z));
        float[] data = volume.Voxels;
        if (kx.Length > 1)
        {
            Parallel.For(0, shape.Depth * shape.Height, () => new float[shape.Width], (row, _, line) =>
            {
                Convolve(data, row * shape.Width, 1, shape.Width, kx, line);
                return line;
            }, static _ => { });
        }

        if (ky.Length > 1)
        {
            Parallel.For(0, shape.Depth * shape.Width, () => new float[shape.Height], (column, _, line) =>
            {
                int z = column / shape.Width, x = column % shape.Width;
                Convolve(data, (z * shape.SliceLength) + x, shape.Width, shape.Height, ky, line);
                return line;
            }, static _ => { });
        }

        if (kz.Length > 1)
        {
            Parallel.For(0, shape.SliceLength, () => new float[shape.Depth], (pillar, _, line) =>
            {
                Convolve(data, pillar, shape.SliceLength, shape.Depth, kz, line);
                return line;
            }, static _ => { });
        }
    }

    // Convolves the strided line data[start + i·stride], i < length, in place; `line` is scratch of that length.
    private static void Convolve(float[] data, int start, int stride, int length, float[] kernel, float[] line)
    {
        for (int i = 0; i < length; i++)
        {
            line[i] = data[start + (i * stride)];
        }

        int radius = kernel.Length / 2;
        for (int i = 0; i < length; i++)
        {
            float sum = 0;
            for (int k = -radius; k <= radius; k++)
            {
                int j = Math.Clamp(i + k, 0, length - 1);
                sum += kernel[k + radius] * line[j];
            }

            data[start + (i * stride)] = sum;
        }
    }
}
