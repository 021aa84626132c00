using Edge.Inference.Packages;
using Edge.Inference.Windowing;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// One network of one package, loaded once: the ONNX Runtime session, its pinned patch buffers and its sliding window.
/// Runs are serialised (the buffers are shared); different models run in parallel on their own sessions.
/// </summary>
public sealed class ModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtPatchPredictor _predictor;
    private readonly Lock _gate = new();

    internal ModelSession(InferenceSession session, NetworkSpec network, ProviderSelection providers)
    {
        _session = session;
        Network = network;
        Providers = providers;
        _predictor = new OrtPatchPredictor(session, network);
        Window = new SlidingWindowPredictor(_predictor, network.SlidingWindow.Overlap, network.SlidingWindow.SigmaScale, network.SlidingWindow.MirrorAxes);
    }

    public NetworkSpec Network { get; }
    public ProviderSelection Providers { get; }
    public SlidingWindowPredictor Window { get; }
    public int OutputChannels => Network.Output.Channels;

    /// <summary>Sliding-window prediction of a preprocessed volume; returns blended logits [channel, z, y, x].</summary>
    public void Predict(ReadOnlySpan<float> image, Edge.Imaging.Geometry.VolumeShape shape, Span<float> logits, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Window.Predict(image, shape, Network.Preprocessing.PadValue, logits, progress, cancellationToken);
        }
    }

    /// <summary>Runs one batch of zeros: makes TensorRT build or load its engine and CUDA allocate, before the first scan.</summary>
    public void WarmUp()
    {
        lock (_gate)
        {
            _predictor.InputBuffer.Clear();
            _predictor.Run();
        }
    }

    public void Dispose()
    {
        _predictor.Dispose();
        _session.Dispose();
    }
}
