using System.Text.Json;
using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Imaging.IO;
using Edge.Inference.Packages;
using Edge.Inference.Preprocessing;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>
/// The appliance's preprocessing (anti-aliasing, trilinear resampling, HU clip, normalisation) against the arrays that
/// train.py computed with preprocess.py, the code the networks were trained and calibrated with: a block of a
/// thin-slice phantom through each network's preprocessing must give the same grid and values to 1e-3 (normalised
/// units, about 0.03 HU). GoldenParityTests covers the networks; this covers what feeds them.
/// </summary>
public sealed class PreprocessingParityTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Theory]
    [InlineData("stage2")]
    [InlineData("localizer")]
    public void Network_input_matches_the_training_preprocessing_to_1e_3(string name)
    {
        string golden = Path.Combine(RepositoryPaths.ReferencePackage, "train", "golden");
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(golden, "golden.json")));
        JsonElement entry = meta.RootElement.GetProperty("preprocessing");
        JsonElement output = entry.GetProperty("outputs").GetProperty(name);
        NetworkSpec network = model.Package.Manifest.Networks().Single(n => n.File == output.GetProperty("network").GetString());
        NpyArray hu = Npy.Read(Path.Combine(golden, entry.GetProperty("hu").GetString()!));
        NpyArray expected = Npy.Read(Path.Combine(golden, output.GetProperty("output").GetString()!));
        double[] spacing = [.. entry.GetProperty("spacing").EnumerateArray().Select(s => s.GetDouble())];
        var shape = new VolumeShape(hu.Shape[0], hu.Shape[1], hu.Shape[2]);
        var volume = new CtVolume(
            VolumeGeometry.Axial(shape, new VoxelSpacing(spacing[0], spacing[1], spacing[2]), new Vector3D(-40, -30, -120)),
            [.. hu.As<short>().ToArray().Select(v => (float)v)]);

        CtVolume input = NetworkInputBuilder.Build(volume, network.Preprocessing);

        Assert.Equal(expected.Shape, input.Shape.ToArray());
        Assert.Equal([.. output.GetProperty("spacing").EnumerateArray().Select(s => s.GetDouble())], input.Geometry.Spacing.ToArray());
        Assert.Equal(volume.Geometry.Origin, input.Geometry.Origin);
        ReadOnlySpan<float> reference = expected.As<float>();
        double worst = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(input.Voxels[i] - reference[i]));
        }

        Assert.True(worst <= 1e-3, $"{name}: max |C# − preprocess.py| = {worst:E2}");

        // Not trivial: the block is resampled on every axis, and anti-aliased where the network asks for it.
        Assert.True(spacing.All(s => s < network.Preprocessing.TargetSpacingMm[0]));
        Assert.True(input.Shape.Depth < shape.Depth && input.Shape.Height < shape.Height && input.Shape.Width < shape.Width, $"{shape} -> {input.Shape}");
    }
}
