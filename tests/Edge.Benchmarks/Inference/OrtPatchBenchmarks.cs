using BenchmarkDotNet.Attributes;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Benchmarks.Inference;

/// <summary>
/// One batch of the reference model's networks on ONNX Runtime (CPU) through the pinned, pre-allocated tensors: the
/// managed allocations per batch should be a few hundred bytes of ONNX Runtime's own bookkeeping, nothing per voxel.
/// Needs the committed package (run from the repository: ./build.sh bench).
/// </summary>
[MemoryDiagnoser]
public class OrtPatchBenchmarks
{
    private InferenceSession _stage2 = null!;
    private InferenceSession _localizer = null!;
    private OrtPatchPredictor _stage2Batch = null!;
    private OrtPatchPredictor _localizerBatch = null!;

    [GlobalSetup]
    public void Setup()
    {
        string directory = FindPackage();
        ModelPackage package = ModelPackageLoader.Load(directory);
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _stage2 = new InferenceSession(package.PathOf(package.Manifest.Network), options);
        _stage2Batch = new OrtPatchPredictor(_stage2, package.Manifest.Network);
        _localizer = new InferenceSession(package.PathOf(package.Manifest.Cascade!.Localizer), options);
        _localizerBatch = new OrtPatchPredictor(_localizer, package.Manifest.Cascade.Localizer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stage2Batch.Dispose();
        _stage2.Dispose();
        _localizerBatch.Dispose();
        _localizer.Dispose();
    }

    [Benchmark]
    public void Stage2Batch() => _stage2Batch.Run();

    [Benchmark]
    public void LocalizerBatch() => _localizerBatch.Run();

    private static string FindPackage()
    {
        for (DirectoryInfo? dir = new(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "firmware-config", "models", "pancreas-ref");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("run from the repository: firmware-config/models/pancreas-ref not found above " + Environment.CurrentDirectory);
    }
}
