using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;

namespace Edge.Imaging.Tests.Resampling;

/// <summary>
/// The operations on the screening path read a volume made of slices in place: the same output as from one buffer,
/// and the volume is never joined into one behind the caller's back (that copy is what slices avoid).
/// </summary>
public sealed class SliceVolumeResamplingTests
{
    private static readonly VolumeGeometry Geometry = VolumeGeometry.Axial(new VolumeShape(17, 23, 29), new VoxelSpacing(1.25, 0.7, 0.7), new Vector3D(-10, 5, 100));

    [Fact]
    public void Trilinear_resampling_reads_the_slices_in_place() =>
        AssertSameInPlace(volume => TrilinearResampler.Resample(volume, new VoxelSpacing(2, 2, 2)));

    [Fact]
    public void Filtered_box_resampling_reads_the_slices_in_place()
    {
        float[] kernel = [0.25f, 0.5f, 0.25f];
        AssertSameInPlace(volume => FilteredResampler.Resample(volume, 3, 4, 5, new VolumeShape(11, 13, 17), new VoxelSpacing(2, 1.5, 1.5), kernel, kernel, kernel));
    }

    [Fact]
    public void Crop_reads_the_slices_in_place() =>
        AssertSameInPlace(volume => VolumeOps.Crop(volume, 10, 15, 20, new VolumeShape(5, 6, 7)));

    private static void AssertSameInPlace(Func<CtVolume, CtVolume> operation)
    {
        (CtVolume buffer, CtVolume slices) = Pair();

        CtVolume expected = operation(buffer);
        CtVolume actual = operation(slices);

        Assert.Equal(expected.Geometry.Shape, actual.Geometry.Shape);
        Assert.Equal(expected.Geometry.Origin, actual.Geometry.Origin);
        Assert.Equal(expected.Voxels, actual.Voxels);
        Assert.False(slices.IsContiguous);
    }

    private static (CtVolume Buffer, CtVolume Slices) Pair()
    {
        var random = new Random(5);
        int length = Geometry.Shape.SliceLength;
        float[][] slices = [.. Enumerable.Range(0, Geometry.Depth).Select(_ => Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 400) - 200)).ToArray())];
        float[] buffer = [.. slices.SelectMany(s => s)];
        return (new CtVolume(Geometry, buffer), new CtVolume(Geometry, slices));
    }
}
