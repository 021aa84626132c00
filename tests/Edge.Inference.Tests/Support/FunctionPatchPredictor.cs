using Edge.Imaging.Geometry;
using Edge.Inference.Windowing;

namespace Edge.Inference.Tests.Support;

/// <summary>A stand-in network computing a known function of each patch, to test the sliding window without ONNX.</summary>
internal sealed class FunctionPatchPredictor : IPatchPredictor
{
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly Action<ReadOnlySpan<float>, Span<float>, VolumeShape> _function;

    /// <param name="function">Maps one patch [inputChannels, z, y, x] to its output [outputChannels, z, y, x].</param>
    public FunctionPatchPredictor(VolumeShape patch, int batch, int inputChannels, int outputChannels, Action<ReadOnlySpan<float>, Span<float>, VolumeShape> function)
    {
        PatchShape = patch;
        BatchSize = batch;
        InputChannels = inputChannels;
        OutputChannels = outputChannels;
        _function = function;
        _input = new float[batch * inputChannels * patch.VoxelCount];
        _output = new float[batch * outputChannels * patch.VoxelCount];
    }

    public int BatchSize { get; }
    public int InputChannels { get; }
    public int OutputChannels { get; }
    public VolumeShape PatchShape { get; }
    public Span<float> InputBuffer => _input;
    public ReadOnlySpan<float> OutputBuffer => _output;
    public int Runs { get; private set; }

    public void Run()
    {
        Runs++;
        int inSize = InputChannels * (int)PatchShape.VoxelCount, outSize = OutputChannels * (int)PatchShape.VoxelCount;
        for (int b = 0; b < BatchSize; b++)
        {
            _function(_input.AsSpan(b * inSize, inSize), _output.AsSpan(b * outSize, outSize), PatchShape);
        }
    }

    /// <summary>
    /// A context-dependent test function: channel k = input·(k+1) + mean of the patch + a ramp along the patch's x axis.
    /// The patch mean makes every tile predict a different value for a voxel, so blending weights matter; the ramp makes
    /// mirroring matter.
    /// </summary>
    public static void ContextFunction(ReadOnlySpan<float> input, Span<float> output, VolumeShape patch)
    {
        int n = (int)patch.VoxelCount;
        int channels = output.Length / n;
        float mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += input[i];
        }

        mean /= n;
        for (int k = 0; k < channels; k++)
        {
            for (int i = 0; i < n; i++)
            {
                int x = i % patch.Width;
                output[(k * n) + i] = (input[i] * (k + 1)) + mean + (0.05f * x);
            }
        }
    }
}
