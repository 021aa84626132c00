using Edge.Imaging.Geometry;
using Edge.Inference.Tests.Support;
using Edge.Inference.Windowing;

namespace Edge.Inference.Tests.Windowing;

public sealed class SlidingWindowPredictorTests
{
    public static TheoryData<int[], int[], double, int[], int> Cases => new()
    {
        // volume [z, y, x], patch [z, y, x], overlap, mirror axes, batch
        { [9, 10, 11], [4, 6, 5], 0.5, [], 1 },            // several tiles per axis, odd leftovers: uneven steps, edge tiles flush
        { [9, 10, 11], [4, 6, 5], 0.5, [0, 1, 2], 3 },     // all eight mirror variants, batches that straddle tiles
        { [3, 4, 13], [6, 8, 4], 0.5, [2], 2 },            // smaller than the patch in z and y: central padding
        { [8, 8, 8], [8, 8, 8], 0.5, [1], 1 },             // exactly one patch
        { [7, 12, 9], [4, 4, 4], 0.25, [0, 2], 4 },        // other overlap, partial last batch
        { [5, 16, 6], [5, 5, 5], 0.0, [], 1 },             // no overlap
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_brute_force_reference(int[] size, int[] patchSize, double overlap, int[] mirror, int batch)
    {
        var shape = new VolumeShape(size[0], size[1], size[2]);
        var patch = new VolumeShape(patchSize[0], patchSize[1], patchSize[2]);
        const int inChannels = 2, outChannels = 3;
        float[] image = RandomImage(inChannels * (int)shape.VoxelCount, seed: size.Sum() + patchSize.Sum());
        var network = new FunctionPatchPredictor(patch, batch, inChannels, outChannels, FunctionPatchPredictor.ContextFunction);
        var window = new SlidingWindowPredictor(network, overlap, 0.125, mirror);
        var logits = new float[outChannels * shape.VoxelCount];

        window.Predict(image, shape, padValue: -0.75f, logits);

        double[] expected = BruteForceSlidingWindow.Predict(image, shape, patch, inChannels, outChannels, overlap, 0.125, mirror, -0.75f, FunctionPatchPredictor.ContextFunction);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - logits[i]) < 2e-4, $"voxel {i}: expected {expected[i]}, got {logits[i]}");
        }

        int patches = window.CountPatches(shape);
        Assert.Equal((patches + batch - 1) / batch, network.Runs);
    }

    [Fact]
    public void Pointwise_network_is_reproduced_exactly_whatever_the_tiling()
    {
        // A network that only rescales its input must come back unchanged: normalised blending neither gains nor loses weight.
        var shape = new VolumeShape(11, 7, 13);
        float[] image = RandomImage((int)shape.VoxelCount, seed: 3);
        var network = new FunctionPatchPredictor(new VolumeShape(4, 4, 6), 2, 1, 1, static (input, output, _) =>
        {
            for (int i = 0; i < input.Length; i++)
            {
                output[i] = 2 * input[i];
            }
        });
        var window = new SlidingWindowPredictor(network, 0.5, 0.125, [0, 1, 2]);
        var logits = new float[shape.VoxelCount];

        window.Predict(image, shape, 0, logits);

        for (int i = 0; i < image.Length; i++)
        {
            Assert.True(Math.Abs((2 * image[i]) - logits[i]) < 1e-5f, $"voxel {i}: {logits[i]} != {2 * image[i]}");
        }
    }

    [Fact]
    public void Reports_progress_and_honours_cancellation()
    {
        var shape = new VolumeShape(8, 8, 8);
        var network = new FunctionPatchPredictor(new VolumeShape(4, 4, 4), 1, 1, 1, FunctionPatchPredictor.ContextFunction);
        var window = new SlidingWindowPredictor(network, 0.5, 0.125, []);
        var reports = new List<int>();
        var logits = new float[shape.VoxelCount];

        window.Predict(new float[shape.VoxelCount], shape, 0, logits, new SynchronousProgress(reports.Add));

        Assert.Equal(Enumerable.Range(1, 27), reports);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => window.Predict(new float[shape.VoxelCount], shape, 0, logits, null, cancelled.Token));
    }

    [Fact]
    public void Rejects_buffers_of_the_wrong_size()
    {
        var network = new FunctionPatchPredictor(new VolumeShape(4, 4, 4), 1, 1, 2, FunctionPatchPredictor.ContextFunction);
        var window = new SlidingWindowPredictor(network, 0.5, 0.125, []);
        var shape = new VolumeShape(4, 4, 4);
        Assert.Throws<ArgumentException>(() => window.Predict(new float[63], shape, 0, new float[128]));
        Assert.Throws<ArgumentException>(() => window.Predict(new float[64], shape, 0, new float[64]));
    }

    internal static float[] RandomImage(int length, int seed)
    {
        var random = new Random(seed);
        var image = new float[length];
        for (int i = 0; i < length; i++)
        {
            image[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return image;
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
