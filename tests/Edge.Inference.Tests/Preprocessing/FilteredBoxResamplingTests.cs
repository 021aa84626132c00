using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;
using Edge.Inference.Packages;
using Edge.Inference.Preprocessing;

namespace Edge.Inference.Tests.Preprocessing;

/// <summary>
/// The cascade's fused path (filter and resample a box axis by axis, straight from the volume) against the plain one it
/// replaces: crop, anti-alias the crop in full, resample trilinearly.
/// </summary>
public sealed class FilteredBoxResamplingTests
{
    public static TheoryData<double, double, double, double> Grids => new()
    {
        { 1.0, 0.74, 0.74, 2.0 },    // thin slices, fine pixels: every axis shrinks
        { 5.0, 0.8, 0.8, 2.0 },      // thick slices: z grows (no filter on z), y and x shrink
        { 1.25, 2.0, 2.0, 2.0 },     // y and x unchanged
        { 0.6, 0.5, 0.9, 3.3 },      // uneven ratios, last-voxel clamping on every axis
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void A_box_filtered_and_resampled_axis_by_axis_equals_crop_filter_resample(double dz, double dy, double dx, double target)
    {
        var shape = new VolumeShape(23, 31, 37);
        var random = new Random(17);
        float[] data = [.. Enumerable.Range(0, (int)shape.VoxelCount).Select(_ => (float)((random.NextDouble() * 400) - 200))];
        var volume = new CtVolume(VolumeGeometry.Axial(shape, new VoxelSpacing(dz, dy, dx), new Vector3D(-10, 20, 30)), data);
        var box = new CropBox(3, 5, 2, new VolumeShape(17, 22, 33));
        var spacing = new VoxelSpacing(target, target, target);

        CtVolume crop = VolumeOps.Crop(volume, box.Z0, box.Y0, box.X0, box.Shape);
        AntialiasFilter.Apply(crop, spacing);
        CtVolume expected = TrilinearResampler.ResampleReference(crop, spacing);
        CtVolume actual = FilteredResampler.Resample(volume, box.Z0, box.Y0, box.X0, box.Shape, spacing,
            AntialiasFilter.Kernel(AntialiasFilter.Sigma(dz, target)),
            AntialiasFilter.Kernel(AntialiasFilter.Sigma(dy, target)),
            AntialiasFilter.Kernel(AntialiasFilter.Sigma(dx, target)));

        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Geometry.Origin, actual.Geometry.Origin);
        Assert.Equal(expected.Geometry.Spacing, actual.Geometry.Spacing);
        Assert.Equal(data, volume.Voxels);   // the source is only read
        for (int i = 0; i < expected.Voxels.Length; i++)
        {
            Assert.True(Math.Abs(expected.Voxels[i] - actual.Voxels[i]) <= 1e-3, $"voxel {i}: {expected.Voxels[i]} vs {actual.Voxels[i]}");
        }
    }

    [Fact]
    public void The_network_input_of_a_box_is_the_input_of_its_crop()
    {
        var shape = new VolumeShape(30, 40, 40);
        var random = new Random(5);
        float[] data = [.. Enumerable.Range(0, (int)shape.VoxelCount).Select(_ => (float)((random.NextDouble() * 200) - 50))];
        var volume = new CtVolume(VolumeGeometry.Axial(shape, new VoxelSpacing(1.25, 0.7, 0.7), Vector3D.Zero), data);
        var spec = new PreprocessingSpec
        {
            Orientation = "LPS",
            TargetSpacingMm = [2.0, 2.0, 2.0],
            Antialias = true,
            Normalization = new NormalizationSpec { Scheme = NormalizationScheme.ZScore, Mean = 30, Std = 25 },
        };
        var box = new CropBox(4, 6, 8, new VolumeShape(20, 25, 30));

        CtVolume expected = NetworkInputBuilder.Build(VolumeOps.Crop(volume, box.Z0, box.Y0, box.X0, box.Shape), spec, mayModify: true);
        CtVolume actual = NetworkInputBuilder.Build(volume, box, spec);

        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Voxels.Length; i++)
        {
            Assert.True(Math.Abs(expected.Voxels[i] - actual.Voxels[i]) <= 1e-4, $"voxel {i}: {expected.Voxels[i]} vs {actual.Voxels[i]}");
        }
    }
}
