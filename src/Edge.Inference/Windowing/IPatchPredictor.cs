using Edge.Imaging.Geometry;

namespace Edge.Inference.Windowing;

/// <summary>
/// A network that predicts fixed-size batches of patches through buffers it owns: the sliding window writes
/// <see cref="InputBuffer"/>, calls <see cref="Run"/> and reads <see cref="OutputBuffer"/>, so a scan allocates nothing per patch.
/// Layouts are C order [batch, channel, z, y, x].
/// </summary>
public interface IPatchPredictor
{
    int BatchSize { get; }
    int InputChannels { get; }
    int OutputChannels { get; }
    VolumeShape PatchShape { get; }
    Span<float> InputBuffer { get; }
    ReadOnlySpan<float> OutputBuffer { get; }

    /// <summary>Runs the network on the whole batch (unused slots hold stale data, and their outputs are ignored).</summary>
    void Run();
}
