using Edge.Imaging.Geometry;
using Edge.Reporting.Sources;

namespace Edge.Reporting.Tests.Units;

public sealed class LabelVolumeTests
{
    [Fact]
    public void Same_grid_is_not_copied()
    {
        var geometry = VolumeGeometry.Axial(new VolumeShape(2, 3, 4), new VoxelSpacing(2, 1, 1), new Vector3D(10, 20, 30));
        var labels = new LabelVolume(geometry, new byte[24]);

        Assert.Same(labels, labels.ResampleTo(geometry));
    }

    [Fact]
    public void Sampling_a_plane_reads_nearest_voxels_in_patient_space()
    {
        // 1 slice, 2×2 voxels of 2 mm; sample a 4×4 plane of 1 mm pixels starting half a voxel before the first centre.
        var geometry = VolumeGeometry.Axial(new VolumeShape(1, 2, 2), new VoxelSpacing(1, 2, 2), new Vector3D(0, 0, 0));
        var labels = new LabelVolume(geometry, [1, 2, 3, 4]);
        var plane = new byte[16];

        labels.SamplePlane(new Vector3D(-0.9, -0.9, 0), Vector3D.UnitX, Vector3D.UnitY, 4, 4, plane);

        Assert.Equal(new byte[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 }, plane);
    }

    [Fact]
    public void A_plane_on_the_grid_but_shifted_copies_the_overlap_and_reads_background_elsewhere()
    {
        var geometry = VolumeGeometry.Axial(new VolumeShape(2, 3, 3), new VoxelSpacing(5, 1, 1), Vector3D.Zero);
        var labels = new LabelVolume(geometry, [.. Enumerable.Range(1, 18).Select(i => (byte)i)]);
        var plane = new byte[9];

        labels.SamplePlane(new Vector3D(-1, -1, 5), Vector3D.UnitX, Vector3D.UnitY, 3, 3, plane);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 10, 11, 0, 13, 14 }, plane);
    }

    [Fact]
    public void Points_outside_the_grid_read_background()
    {
        var geometry = VolumeGeometry.Axial(new VolumeShape(1, 1, 1), new VoxelSpacing(1, 1, 1), Vector3D.Zero);
        var labels = new LabelVolume(geometry, [7]);
        var plane = new byte[3];

        labels.SamplePlane(new Vector3D(-1, 0, 0), Vector3D.UnitX, Vector3D.UnitY, 1, 3, plane);

        Assert.Equal(new byte[] { 0, 7, 0 }, plane);
    }

    [Fact]
    public void A_flipped_grid_resamples_onto_the_axial_one()
    {
        // The same voxels stored with x running right-to-left (origin at the other end, AxisX negative).
        var axial = VolumeGeometry.Axial(new VolumeShape(1, 1, 3), new VoxelSpacing(1, 1, 1), Vector3D.Zero);
        var flipped = new VolumeGeometry(new VolumeShape(1, 1, 3), new VoxelSpacing(1, 1, 1), new Vector3D(2, 0, 0), -Vector3D.UnitX, Vector3D.UnitY, -Vector3D.UnitZ);
        var labels = new LabelVolume(flipped, [3, 2, 1]);

        Assert.Equal(new byte[] { 1, 2, 3 }, labels.ResampleTo(axial).Labels);
    }

    [Fact]
    public void Length_must_match_the_shape()
    {
        var geometry = VolumeGeometry.Axial(new VolumeShape(1, 2, 2), new VoxelSpacing(1, 1, 1), Vector3D.Zero);

        Assert.Throws<ArgumentException>(() => new LabelVolume(geometry, new byte[3]));
    }
}
