using System.Text.Json;
using Edge.Imaging.Geometry;
using Edge.Imaging.IO;
using Edge.Inference.Execution;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;
using Edge.Inference.Windowing;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>
/// ONNX Runtime + the C# sliding window against the golden pair that train.py wrote with PyTorch eager (same weights,
/// reference sliding window, mirroring on every axis): probabilities must agree to 1e-3, so CI needs no torch.
/// </summary>
public sealed class GoldenParityTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Theory]
    [InlineData("stage2")]
    [InlineData("localizer")]
    public void Onnx_runtime_matches_pytorch_to_1e_3(string name)
    {
        string golden = Path.Combine(RepositoryPaths.ReferencePackage, "train", "golden");
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(golden, "golden.json")));
        JsonElement entry = meta.RootElement.GetProperty(name);
        NetworkSpec network = model.Package.Manifest.Networks().Single(n => n.File == entry.GetProperty("network").GetString());
        JsonElement window = entry.GetProperty("slidingWindow");
        network = network with
        {
            SlidingWindow = network.SlidingWindow with
            {
                Overlap = window.GetProperty("overlap").GetDouble(),
                SigmaScale = window.GetProperty("sigmaScale").GetDouble(),
                MirrorAxes = [.. window.GetProperty("mirrorAxes").EnumerateArray().Select(a => a.GetInt32())],
            },
        };
        NpyArray input = Npy.Read(Path.Combine(golden, entry.GetProperty("input").GetString()!));
        NpyArray expected = Npy.Read(Path.Combine(golden, entry.GetProperty("probabilities").GetString()!));
        var shape = new VolumeShape(input.Shape[0], input.Shape[1], input.Shape[2]);
        Assert.Equal([network.Output.Channels, .. input.Shape], expected.Shape);
        Assert.Equal([0, 1, 2], network.SlidingWindow.MirrorAxes);

        using var options = new SessionOptions();
        using var session = new InferenceSession(model.Package.PathOf(network), options);
        using var predictor = new OrtPatchPredictor(session, network);
        var sliding = new SlidingWindowPredictor(predictor, network.SlidingWindow.Overlap, network.SlidingWindow.SigmaScale, network.SlidingWindow.MirrorAxes);
        var maps = new float[network.Output.Channels * shape.VoxelCount];
        sliding.Predict(input.As<float>(), shape, (float)entry.GetProperty("padValue").GetDouble(), maps);
        ProbabilityActivation.Apply(maps, network.Output.Channels, (int)shape.VoxelCount, network.Output.Activation);

        ReadOnlySpan<float> reference = expected.As<float>();
        double worst = 0;
        for (int i = 0; i < maps.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(maps[i] - reference[i]));
        }

        Assert.True(worst <= 1e-3, $"{name}: max |ORT − PyTorch| = {worst:E2}");

        // The pair is not trivial: the patch had to be padded on some axis and tiled on another, and both classes occur.
        Assert.True(shape.Depth < network.SlidingWindow.PatchSize[0] || shape.Height < network.SlidingWindow.PatchSize[1]);
        Assert.True(shape.Width > network.SlidingWindow.PatchSize[2]);
        Assert.Contains(reference.ToArray().Skip((int)shape.VoxelCount).Take((int)shape.VoxelCount), p => p > 0.5f);
    }
}
