using BenchmarkDotNet.Attributes;
using Edge.Imaging.Geometry;
using Edge.Inference.Windowing;

namespace Edge.Benchmarks.Inference;

/// <summary>
/// The sliding window's own cost (patch extraction, mirroring, Gaussian blending) on a stage-2 sized crop with a free
/// network: what the C# side adds per scan on top of ONNX Runtime. Allocations should stay a few KB per scan
/// whatever the number of patches (buffers are pre-allocated; the weight map is pooled).
/// </summary>
[MemoryDiagnoser]
public class SlidingWindowBenchmarks
{
    private static readonly VolumeShape Crop = new(50, 40, 95);
    private float[] _image = [];
    private float[] _logits = [];
    private SlidingWindowPredictor _plain = null!;
    private SlidingWindowPredictor _mirrored = null!;

    [GlobalSetup]
    public void Setup()
    {
        _image = new float[Crop.VoxelCount];
        _logits = new float[3 * Crop.VoxelCount];
        var patch = new VolumeShape(32, 48, 64);
        _plain = new SlidingWindowPredictor(new ZeroPatchPredictor(patch, 2, 3), 0.5, 0.125, []);
        _mirrored = new SlidingWindowPredictor(new ZeroPatchPredictor(patch, 2, 3), 0.5, 0.125, [0, 1, 2]);
    }

    [Benchmark(Baseline = true)]
    public void Tiles() => _plain.Predict(_image, Crop, 0, _logits);

    [Benchmark]
    public void TilesWithEightMirrors() => _mirrored.Predict(_image, Crop, 0, _logits);
}
