using BenchmarkDotNet.Attributes;
using Edge.Imaging.Geometry;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;

namespace Edge.Benchmarks.Inference;

/// <summary>Softmax, argmax label map, components and the smoothed case score on a stage-2 sized probability map.</summary>
[MemoryDiagnoser]
public class PostprocessingBenchmarks
{
    private static readonly VolumeShape Crop = new(50, 40, 95);
    private static readonly OutputLabel[] Labels =
    [
        new() { Channel = 0, Value = 0, Name = "background", Role = LabelRole.Background },
        new() { Channel = 1, Value = 1, Name = "pancreas", Role = LabelRole.Organ },
        new() { Channel = 2, Value = 2, Name = "lesion", Role = LabelRole.Finding },
    ];

    private float[] _logits = [];
    private float[] _work = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _logits = [.. Enumerable.Range(0, 3 * (int)Crop.VoxelCount).Select(_ => (float)((random.NextDouble() * 8) - 6))];
        _work = new float[_logits.Length];
    }

    [Benchmark]
    public int SoftmaxArgmaxComponents()
    {
        _logits.CopyTo(_work, 0);
        ProbabilityActivation.Apply(_work, 3, (int)Crop.VoxelCount, Activation.Softmax);
        byte[] map = LabelMapBuilder.Build(_work, 3, (int)Crop.VoxelCount, Activation.Softmax, Labels);
        return ConnectedComponents.Find(map, Crop, 2, 26).Count;
    }

    [Benchmark]
    public double SmoothedCaseScore() =>
        CaseScorer.MaxBoxMean(_logits.AsSpan(0, (int)Crop.VoxelCount), Crop, (3, 3, 3));
}
