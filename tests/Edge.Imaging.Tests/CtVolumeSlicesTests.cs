using Edge.Imaging.Geometry;

namespace Edge.Imaging.Tests;

/// <summary>A volume made of one array per slice reads as the same volume in one buffer, and joins into one when asked.</summary>
public sealed class CtVolumeSlicesTests
{
    private static readonly VolumeGeometry Geometry = VolumeGeometry.Axial(new VolumeShape(3, 2, 4), new VoxelSpacing(2, 1, 1), Vector3D.Zero);

    [Fact]
    public void Slices_are_read_in_place_and_joined_once_into_one_buffer()
    {
        float[][] slices = [.. Enumerable.Range(0, 3).Select(z => Enumerable.Range(0, 8).Select(i => (float)((z * 8) + i)).ToArray())];
        var volume = new CtVolume(Geometry, slices);

        Assert.False(volume.IsContiguous);
        Assert.Equal(13f, volume[1, 1, 1]);
        Assert.True(volume.GetSlice(2).SequenceEqual(slices[2]));
        Assert.Equal(new HuStatistics(0, 23, 11.5), volume.ComputeStatistics());

        // Written through a slice before the join: kept by it.
        volume[2, 0, 3] = -1000;
        Assert.Equal(-1000f, slices[2][3]);
        Assert.False(volume.IsContiguous);

        float[] joined = volume.Voxels;
        Assert.True(volume.IsContiguous);
        Assert.Same(joined, volume.Voxels);
        Assert.Equal([.. Enumerable.Range(0, 24).Select(i => i == 19 ? -1000f : i)], joined);
        Assert.Equal(24, volume.Data.Length);

        // After the join the buffer is the volume: slice views and the indexer read and write it.
        volume[0, 0, 0] = 7;
        Assert.Equal(7f, joined[0]);
        Assert.Equal(7f, volume.GetSlice(0)[0]);
        Assert.Equal(0f, slices[0][0]);
    }

    [Fact]
    public void Slices_of_the_wrong_count_or_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CtVolume(Geometry, [new float[8], new float[8]]));
        Assert.Throws<ArgumentException>(() => new CtVolume(Geometry, [new float[8], new float[9], new float[8]]));
        Assert.Throws<ArgumentException>(() => new CtVolume(Geometry, [new float[8], null!, new float[8]]));
    }

    [Fact]
    public void Joining_from_many_threads_gives_one_buffer()
    {
        var volume = new CtVolume(Geometry, [.. Enumerable.Range(0, 3).Select(_ => new float[8])]);

        float[][] seen = new float[16][];
        Parallel.For(0, seen.Length, i => seen[i] = volume.Voxels);

        Assert.All(seen, v => Assert.Same(seen[0], v));
    }
}
