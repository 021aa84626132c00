using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;

namespace Edge.Imaging.Tests.Resampling;

public sealed class VolumeOpsTests
{
    [Fact]
    public void Crop_keeps_every_voxel_at_its_patient_position()
    {
        CtVolume source = TrilinearResamplerTests.RandomVolume(new VolumeShape(6, 7, 9), new VoxelSpacing(2, 1, 0.5));

        CtVolume cropped = VolumeOps.Crop(source, 1, 2, 3, new VolumeShape(3, 4, 5));

        Assert.Equal(source.Geometry.IndexToPatient(1, 2, 3), cropped.Geometry.Origin);
        for (int z = 0; z < 3; z++)
        {
            for (int y = 0; y < 4; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    Assert.Equal(source[z + 1, y + 2, x + 3], cropped[z, y, x]);
                }
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => VolumeOps.Crop(source, 4, 0, 0, new VolumeShape(3, 1, 1)));
    }

    [Fact]
    public void Clip_and_normalise_map_the_window_to_zero_one()
    {
        CtVolume v = TrilinearResamplerTests.RandomVolume(new VolumeShape(3, 5, 37), new VoxelSpacing(1, 1, 1));
        float[] original = [.. v.Voxels];

        VolumeOps.Normalize(v, -100, 240);

        for (int i = 0; i < original.Length; i++)
        {
            float expected = (Math.Clamp(original[i], -100, 240) + 100) / 340f;
            Assert.Equal(expected, v.Voxels[i], 5);
        }

        VolumeOps.Clip(v, 0.25f, 0.5f);
        Assert.All(v.Voxels, x => Assert.InRange(x, 0.25f, 0.5f));
    }

    [Fact]
    public void Standardize_gives_z_scores()
    {
        var v = new CtVolume(VolumeGeometry.Axial(new VolumeShape(1, 1, 3), new VoxelSpacing(1, 1, 1), Vector3D.Zero), [10, 20, 30]);

        VolumeOps.Standardize(v, 20, 10);

        Assert.Equal([-1f, 0f, 1f], v.Voxels);
        Assert.Throws<ArgumentOutOfRangeException>(() => VolumeOps.Standardize(v, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => VolumeOps.Normalize(v, 5, 5));
    }

    [Fact]
    public void Statistics_are_min_max_and_mean()
    {
        CtVolume v = TrilinearResamplerTests.RandomVolume(new VolumeShape(4, 9, 33), new VoxelSpacing(1, 1, 1));

        HuStatistics s = v.ComputeStatistics();

        Assert.Equal(v.Voxels.Min(), s.Min);
        Assert.Equal(v.Voxels.Max(), s.Max);
        Assert.True(Math.Abs(v.Voxels.Select(x => (double)x).Average() - s.Mean) < 1e-4);
    }
}
