using Edge.Imaging.Geometry;

namespace Edge.Imaging.Tests;

public sealed class CtVolumeBufferTests
{
    [Fact]
    public void A_buffer_may_run_past_the_volume_but_not_fall_short_of_it()
    {
        VolumeGeometry geometry = VolumeGeometry.Axial(new VolumeShape(2, 3, 4), new VoxelSpacing(1, 1, 1), Vector3D.Zero);

        var volume = new CtVolume(geometry, [.. Enumerable.Range(0, 30).Select(i => (float)i)]);

        Assert.Equal(24, volume.Data.Length);
        Assert.Equal(23f, volume.Data[^1]);
        Assert.Equal(12f, volume[1, 0, 0]);
        Assert.Equal(12, volume.GetSlice(1).Length);
        Assert.Throws<ArgumentException>(() => new CtVolume(geometry, new float[23]));
    }
}
