using Edge.Imaging.Geometry;
using Edge.Imaging.Resampling;

namespace Edge.Imaging.Tests.Resampling;

public sealed class TrilinearResamplerTests
{
    [Theory]
    [InlineData(1.5, 1.5, 1.5)]
    [InlineData(0.5, 0.9, 0.33)]
    [InlineData(2.5, 1.0, 0.7)]
    [InlineData(7.0, 3.1, 2.2)]
    public void Fast_path_equals_the_per_voxel_reference(double z, double y, double x)
    {
        CtVolume source = RandomVolume(new VolumeShape(13, 27, 41), new VoxelSpacing(2.5, 0.8, 0.7));
        var target = new VoxelSpacing(z, y, x);

        CtVolume reference = TrilinearResampler.ResampleReference(source, target);
        CtVolume simd = TrilinearResampler.Resample(source, target);
        CtVolume scalar = TrilinearResampler.Resample(source, target, new ResampleOptions { UseSimd = false, MaxDegreeOfParallelism = 1 });

        Assert.Equal(reference.Shape, simd.Shape);
        for (int i = 0; i < reference.Voxels.Length; i++)
        {
            Assert.True(Math.Abs(reference.Voxels[i] - simd.Voxels[i]) < 1e-3, $"voxel {i}: {simd.Voxels[i]} vs {reference.Voxels[i]}");
            Assert.True(Math.Abs(reference.Voxels[i] - scalar.Voxels[i]) < 1e-3, $"voxel {i}: {scalar.Voxels[i]} vs {reference.Voxels[i]}");
        }
    }

    [Fact]
    public void Linear_field_is_reproduced_exactly_at_the_new_positions()
    {
        var geometry = new VolumeGeometry(new VolumeShape(20, 30, 40), new VoxelSpacing(2.5, 0.8, 0.7), new Vector3D(-10, 5, 100), Vector3D.UnitX, Vector3D.UnitY, Vector3D.UnitZ);
        var voxels = new float[geometry.Shape.VoxelCount];
        var source = new CtVolume(geometry, voxels);
        for (int z = 0; z < 20; z++)
        {
            for (int y = 0; y < 30; y++)
            {
                for (int x = 0; x < 40; x++)
                {
                    source[z, y, x] = (float)Field(geometry.IndexToPatient(z, y, x));
                }
            }
        }

        CtVolume resampled = TrilinearResampler.Resample(source, VoxelSpacing.Isotropic(1.5));

        Assert.Equal(new VolumeShape(33, 16, 19), resampled.Shape);
        Assert.Equal(geometry.Origin, resampled.Geometry.Origin);
        for (int z = 0; z < resampled.Shape.Depth; z++)
        {
            for (int y = 0; y < resampled.Shape.Height; y++)
            {
                for (int x = 0; x < resampled.Shape.Width; x++)
                {
                    Vector3D p = resampled.Geometry.IndexToPatient(z, y, x);
                    bool inside = geometry.ContainsIndex(geometry.PatientToIndex(p));
                    if (inside)
                    {
                        Assert.True(Math.Abs(resampled[z, y, x] - Field(p)) < 1e-2, $"[{z},{y},{x}] {resampled[z, y, x]} vs {Field(p)}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Same_spacing_returns_the_same_voxels()
    {
        CtVolume source = RandomVolume(new VolumeShape(5, 6, 17), new VoxelSpacing(1, 1, 1));

        CtVolume same = TrilinearResampler.Resample(source, new VoxelSpacing(1, 1, 1));

        Assert.Equal(source.Voxels, same.Voxels);
    }

    [Fact]
    public void Invalid_target_spacing_is_refused()
    {
        CtVolume source = RandomVolume(new VolumeShape(2, 2, 2), new VoxelSpacing(1, 1, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => TrilinearResampler.Resample(source, new VoxelSpacing(0, 1, 1)));
    }

    private static double Field(Vector3D p) => (3 * p.X) - (2 * p.Y) + (0.5 * p.Z) + 7;

    internal static CtVolume RandomVolume(VolumeShape shape, VoxelSpacing spacing)
    {
        var random = new Random(42);
        var voxels = new float[shape.VoxelCount];
        for (int i = 0; i < voxels.Length; i++)
        {
            voxels[i] = (float)((random.NextDouble() * 2000) - 1000);
        }

        return new CtVolume(VolumeGeometry.Axial(shape, spacing, new Vector3D(1, 2, 3)), voxels);
    }
}
