using System.Text.Json;
using Edge.Imaging.Geometry;
using Edge.Imaging.IO;
using Edge.Inference.Packages;
using Edge.Inference.Postprocessing;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>
/// The case score the appliance compares with the threshold against the one train.py calibrated the threshold with
/// (preprocess.case_score): the same organ region (largest component of pancreas and lesion, grown by the margin) and
/// the same maximum box mean, on the golden stage-2 probabilities.
/// </summary>
public sealed class CaseScoreParityTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Fact]
    public void The_organ_restricted_case_score_matches_the_calibration_code()
    {
        string golden = Path.Combine(RepositoryPaths.ReferencePackage, "train", "golden");
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(golden, "golden.json")));
        JsonElement entry = meta.RootElement.GetProperty("caseScore");
        ModelManifest manifest = model.Package.Manifest;
        NpyArray probabilities = Npy.Read(Path.Combine(golden, entry.GetProperty("probabilities").GetString()!));
        var shape = new VolumeShape(probabilities.Shape[1], probabilities.Shape[2], probabilities.Shape[3]);
        double[] mm = [.. entry.GetProperty("spacing").EnumerateArray().Select(s => s.GetDouble())];
        var spacing = new VoxelSpacing(mm[0], mm[1], mm[2]);
        int voxels = (int)shape.VoxelCount;
        float[] maps = probabilities.As<float>().ToArray();
        Assert.Equal(CaseScoreMethod.MaxSmoothedProbabilityInOrgan, manifest.CaseScore.Method);

        byte[] labels = LabelMapBuilder.Build(maps, probabilities.Shape[0], voxels, manifest.Network.Output.Activation, manifest.Labels);
        OrganRegion region = OrganRegion.Find(labels, shape, [.. manifest.Labels.Where(l => l.Role is LabelRole.Organ or LabelRole.Finding).Select(l => (byte)l.Value)])!;
        bool[] grown = region.Grow(manifest.CaseScore.OrganMarginMm, spacing);
        double score = CaseScorer.Score(maps.AsSpan(manifest.CaseScore.Channel * voxels, voxels), shape, spacing, manifest.CaseScore, grown);

        Assert.Equal(entry.GetProperty("regionVoxels").GetInt32(), grown.Count(v => v));
        Assert.Equal(entry.GetProperty("score").GetDouble(), score, 6);
        Assert.Equal(
            entry.GetProperty("unrestrictedScore").GetDouble(),
            CaseScorer.MaxBoxMean(maps.AsSpan(manifest.CaseScore.Channel * voxels, voxels), shape, CaseScorer.KernelVoxels(manifest.CaseScore.KernelMm, spacing, shape)),
            6);

        // Not trivial: the region is a real part of the block.
        Assert.InRange(grown.Count(v => v), 1, voxels - 1);
    }
}
