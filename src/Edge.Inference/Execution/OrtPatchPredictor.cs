using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Inference.Windowing;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// Runs an ONNX network on fixed batches of patches. Input and output tensors are <see cref="OrtValue"/>s created once
/// over pinned managed buffers, and outputs are bound to the pre-allocated output tensor, so a scan's thousands of
/// patches allocate no tensors. Not thread-safe: <see cref="ModelSession"/> serialises its use.
/// </summary>
public sealed class OrtPatchPredictor : IPatchPredictor, IDisposable
{
    private readonly InferenceSession _session;
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();

    public OrtPatchPredictor(InferenceSession session, NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(network);
        CheckSignature(session, network);
        _session = session;
        BatchSize = network.SlidingWindow.BatchSize;
        InputChannels = network.Input.Shape[1];
        OutputChannels = network.Output.Channels;
        PatchShape = new VolumeShape(network.SlidingWindow.PatchSize[0], network.SlidingWindow.PatchSize[1], network.SlidingWindow.PatchSize[2]);
        long patch = PatchShape.VoxelCount;
        _input = new float[BatchSize * InputChannels * patch];
        _output = new float[BatchSize * OutputChannels * patch];
        long[] inputShape = [BatchSize, InputChannels, PatchShape.Depth, PatchShape.Height, PatchShape.Width];
        long[] outputShape = [BatchSize, OutputChannels, PatchShape.Depth, PatchShape.Height, PatchShape.Width];
        _inputValues = [OrtValue.CreateTensorValueFromMemory(_input, inputShape)];
        _outputValues = [OrtValue.CreateTensorValueFromMemory(_output, outputShape)];
        _inputNames = [network.Input.Name];
        _outputNames = [network.Output.Name];
    }

    public int BatchSize { get; }
    public int InputChannels { get; }
    public int OutputChannels { get; }
    public VolumeShape PatchShape { get; }
    public Span<float> InputBuffer => _input;
    public ReadOnlySpan<float> OutputBuffer => _output;

    public void Run() => _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);

    public void Dispose()
    {
        _inputValues[0].Dispose();
        _outputValues[0].Dispose();
        _runOptions.Dispose();
    }

    /// <summary>Refuses a network whose ONNX signature disagrees with its manifest, naming both sides.</summary>
    public static void CheckSignature(InferenceSession session, NetworkSpec network)
    {
        if (!session.InputMetadata.TryGetValue(network.Input.Name, out NodeMetadata? input))
        {
            throw new ManifestValidationException($"{network.File}: the network has no input '{network.Input.Name}' (it has: {string.Join(", ", session.InputMetadata.Keys)})");
        }

        if (!session.OutputMetadata.TryGetValue(network.Output.Name, out NodeMetadata? output))
        {
            throw new ManifestValidationException($"{network.File}: the network has no output '{network.Output.Name}' (it has: {string.Join(", ", session.OutputMetadata.Keys)})");
        }

        if (input.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float)
        {
            throw new ManifestValidationException($"{network.File}: input '{network.Input.Name}' is {input.ElementDataType}, the manifest says float32");
        }

        CheckDims(network.File, "input", network.Input.Name, input.Dimensions, network.Input.Shape);
        int[] expectedOutput = [network.Input.Shape[0], network.Output.Channels, .. network.SlidingWindow.PatchSize];
        CheckDims(network.File, "output", network.Output.Name, output.Dimensions, expectedOutput);
    }

    private static void CheckDims(string file, string kind, string name, int[] actual, int[] expected)
    {
        bool matches = actual.Length == expected.Length;
        for (int i = 0; matches && i < actual.Length; i++)
        {
            // −1 is a symbolic (dynamic) dimension: any size fits.
            matches = actual[i] < 0 || actual[i] == expected[i];
        }

        if (!matches)
        {
            throw new ManifestValidationException(
                $"{file}: {kind} '{name}' has shape [{string.Join(", ", actual)}] but the manifest implies [{string.Join(", ", expected)}]");
        }
    }
}
