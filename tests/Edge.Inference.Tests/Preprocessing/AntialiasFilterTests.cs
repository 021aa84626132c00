using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Inference.Preprocessing;

namespace Edge.Inference.Tests.Preprocessing;

public sealed class AntialiasFilterTests
{
    [Fact]
    public void Sigma_follows_the_shrink_factor_and_kernels_are_normalised()
    {
        Assert.Equal(0, AntialiasFilter.Sigma(2, 1));
        Assert.Equal(0.5, AntialiasFilter.Sigma(1, 2), 12);
        Assert.Equal([1f], AntialiasFilter.Kernel(0));
        float[] kernel = AntialiasFilter.Kernel(0.83);
        Assert.Equal(7, kernel.Length);                        // radius ⌈3σ⌉ = 3
        Assert.Equal(1.0, kernel.Sum(), 5);
        Assert.Equal(kernel[0], kernel[^1]);
    }

    [Fact]
    public void Matches_a_direct_separable_convolution_with_replicated_edges()
    {
        var shape = new VolumeShape(6, 5, 7);
        var random = new Random(9);
        float[] data = [.. Enumerable.Range(0, (int)shape.VoxelCount).Select(_ => (float)random.NextDouble())];
        var volume = new CtVolume(VolumeGeometry.Axial(shape, new VoxelSpacing(1, 0.5, 1), Vector3D.Zero), [.. data]);
        var target = new VoxelSpacing(2, 2, 1);   // z and y shrink, x does not

        AntialiasFilter.Apply(volume, target);

        float[] ky = AntialiasFilter.Kernel(AntialiasFilter.Sigma(0.5, 2)), kz = AntialiasFilter.Kernel(AntialiasFilter.Sigma(1, 2));
        double[] expected = [.. data.Select(v => (double)v)];
        expected = Convolve(expected, shape, ky, axis: 1);
        expected = Convolve(expected, shape, kz, axis: 0);
        for (int i = 0; i < data.Length; i++)
        {
            Assert.Equal(expected[i], volume.Voxels[i], 4);
        }
    }

    private static double[] Convolve(double[] data, VolumeShape shape, float[] kernel, int axis)
    {
        var output = new double[data.Length];
        int r = kernel.Length / 2;
        int[] size = shape.ToArray();
        for (int z = 0; z < shape.Depth; z++)
        {
            for (int y = 0; y < shape.Height; y++)
            {
                for (int x = 0; x < shape.Width; x++)
                {
                    double sum = 0;
                    for (int k = -r; k <= r; k++)
                    {
                        int[] p = [z, y, x];
                        p[axis] = Math.Clamp(p[axis] + k, 0, size[axis] - 1);
                        sum += kernel[k + r] * data[(((p[0] * shape.Height) + p[1]) * shape.Width) + p[2]];
                    }

                    output[(((z * shape.Height) + y) * shape.Width) + x] = sum;
                }
            }
        }

        return output;
    }
}
