using Edge.Imaging.Geometry;

namespace Edge.Inference.Tests.Windowing;

/// <summary>
/// The sliding window written the slow, obvious way, from the definition rather than from the production code: an
/// explicitly padded canvas, tile starts found by searching for the fewest evenly spread tiles, a 3D Gaussian evaluated
/// per voxel, mirrored copies made element by element, and double-precision sums.
/// </summary>
internal static class BruteForceSlidingWindow
{
    public static double[] Predict(float[] image, VolumeShape shape, VolumeShape patch, int inChannels, int outChannels, double overlap, double sigmaScale,
        int[] mirrorAxes, float pad, Action<ReadOnlySpan<float>, Span<float>, VolumeShape> function)
    {
        int[] size = [shape.Depth, shape.Height, shape.Width];
        int[] p = [patch.Depth, patch.Height, patch.Width];
        int[] padded = new int[3], before = new int[3];
        for (int a = 0; a < 3; a++)
        {
            padded[a] = Math.Max(size[a], p[a]);
            before[a] = (padded[a] - size[a]) / 2;
        }

        float[,,,] canvas = new float[inChannels, padded[0], padded[1], padded[2]];
        for (int c = 0; c < inChannels; c++)
        {
            for (int z = 0; z < padded[0]; z++)
            {
                for (int y = 0; y < padded[1]; y++)
                {
                    for (int x = 0; x < padded[2]; x++)
                    {
                        int sz = z - before[0], sy = y - before[1], sx = x - before[2];
                        bool inside = sz >= 0 && sz < size[0] && sy >= 0 && sy < size[1] && sx >= 0 && sx < size[2];
                        canvas[c, z, y, x] = inside ? image[(((c * size[0] + sz) * size[1]) + sy) * size[2] + sx] : pad;
                    }
                }
            }
        }

        List<int>[] starts = [.. Enumerable.Range(0, 3).Select(a => StartsByDefinition(padded[a], p[a], overlap))];
        int allAxes = mirrorAxes.Aggregate(0, (acc, a) => acc | (1 << a));
        int[] masks = [.. Enumerable.Range(0, 8).Where(m => (m & ~allAxes) == 0)];
        var sum = new double[outChannels, padded[0], padded[1], padded[2]];
        var weightSum = new double[padded[0], padded[1], padded[2]];
        int patchVoxels = (int)patch.VoxelCount;
        var input = new float[inChannels * patchVoxels];
        var output = new float[outChannels * patchVoxels];
        foreach (int tz in starts[0])
        {
            foreach (int ty in starts[1])
            {
                foreach (int tx in starts[2])
                {
                    foreach (int mask in masks)
                    {
                        for (int c = 0; c < inChannels; c++)
                        {
                            for (int z = 0; z < p[0]; z++)
                            {
                                for (int y = 0; y < p[1]; y++)
                                {
                                    for (int x = 0; x < p[2]; x++)
                                    {
                                        int mz = (mask & 1) != 0 ? p[0] - 1 - z : z, my = (mask & 2) != 0 ? p[1] - 1 - y : y, mx = (mask & 4) != 0 ? p[2] - 1 - x : x;
                                        input[(((c * p[0]) + z) * p[1] + y) * p[2] + x] = canvas[c, tz + mz, ty + my, tx + mx];
                                    }
                                }
                            }
                        }

                        function(input, output, patch);
                        for (int z = 0; z < p[0]; z++)
                        {
                            for (int y = 0; y < p[1]; y++)
                            {
                                for (int x = 0; x < p[2]; x++)
                                {
                                    double w = Gaussian(z, p[0], sigmaScale) * Gaussian(y, p[1], sigmaScale) * Gaussian(x, p[2], sigmaScale);
                                    int mz = (mask & 1) != 0 ? p[0] - 1 - z : z, my = (mask & 2) != 0 ? p[1] - 1 - y : y, mx = (mask & 4) != 0 ? p[2] - 1 - x : x;
                                    for (int k = 0; k < outChannels; k++)
                                    {
                                        sum[k, tz + z, ty + y, tx + x] += w / masks.Length * output[(((k * p[0]) + mz) * p[1] + my) * p[2] + mx];
                                    }

                                    if (mask == 0)
                                    {
                                        weightSum[tz + z, ty + y, tx + x] += w;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        var result = new double[outChannels * shape.VoxelCount];
        for (int k = 0; k < outChannels; k++)
        {
            for (int z = 0; z < size[0]; z++)
            {
                for (int y = 0; y < size[1]; y++)
                {
                    for (int x = 0; x < size[2]; x++)
                    {
                        int pz = z + before[0], py = y + before[1], px = x + before[2];
                        result[(((k * size[0]) + z) * size[1] + y) * size[2] + x] = sum[k, pz, py, px] / weightSum[pz, py, px];
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The fewest tiles (starting at 0 and ending at the border) whose even spacing is at most patch × (1 − overlap).</summary>
    public static List<int> StartsByDefinition(int size, int patch, double overlap)
    {
        double maxStep = patch * (1 - overlap);
        for (int count = 1; ; count++)
        {
            if (count == 1)
            {
                if (size == patch)
                {
                    return [0];
                }

                continue;
            }

            double step = (double)(size - patch) / (count - 1);
            if (step <= maxStep + 1e-9)
            {
                return [.. Enumerable.Range(0, count).Select(i => (int)Math.Round(step * i, MidpointRounding.ToEven))];
            }
        }
    }

    private static double Gaussian(int i, int size, double scale)
    {
        double sigma = size * scale, d = i - (size / 2);
        return Math.Exp(-(d * d) / (2 * sigma * sigma));
    }
}
