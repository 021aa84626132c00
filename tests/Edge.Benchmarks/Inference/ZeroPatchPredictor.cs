using Edge.Imaging.Geometry;
using Edge.Inference.Windowing;

namespace Edge.Benchmarks.Inference;

/// <summary>A network that costs nothing, so a benchmark sees only the sliding window's own work and allocations.</summary>
internal sealed class ZeroPatchPredictor(VolumeShape patch, int batch, int outputChannels) : IPatchPredictor
{
    private readonly float[] _input = new float[batch * patch.VoxelCount];
    private readonly float[] _output = new float[batch * outputChannels * patch.VoxelCount];

    public int BatchSize => batch;
    public int InputChannels => 1;
    public int OutputChannels => outputChannels;
    public VolumeShape PatchShape => patch;
    public Span<float> InputBuffer => _input;
    public ReadOnlySpan<float> OutputBuffer => _output;

    public void Run()
    {
    }
}
