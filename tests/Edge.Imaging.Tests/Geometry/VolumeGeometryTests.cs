using Edge.Imaging.Geometry;

namespace Edge.Imaging.Tests.Geometry;

public sealed class VolumeGeometryTests
{
    private static readonly Vector3D Row = new Vector3D(1, 0.2, 0).Normalize();
    private static readonly Vector3D Column = new Vector3D(-0.2, 1, 0.1).Normalize();

    [Fact]
    public void Index_to_patient_follows_the_dicom_equation()
    {
        var g = new VolumeGeometry(new VolumeShape(10, 20, 30), new VoxelSpacing(2.5, 0.8, 0.7), new Vector3D(-100, -50, 300), Row, Column, Row.Cross(Column));

        Vector3D p = g.IndexToPatient(3, 4, 5);

        Vector3D expected = new Vector3D(-100, -50, 300) + (Row * (5 * 0.7)) + (g.AxisY * (4 * 0.8)) + (g.AxisZ * (3 * 2.5));
        Assert.Equal(expected.X, p.X, 9);
        Assert.Equal(expected.Y, p.Y, 9);
        Assert.Equal(expected.Z, p.Z, 9);
    }

    [Fact]
    public void Patient_to_index_inverts_index_to_patient_also_for_a_sheared_grid()
    {
        var sheared = new VolumeGeometry(new VolumeShape(10, 20, 30), new VoxelSpacing(2.5, 0.8, 0.7), new Vector3D(1, 2, 3), Vector3D.UnitX, Vector3D.UnitY, new Vector3D(0, 0.3, 1));

        ContinuousIndex index = sheared.PatientToIndex(sheared.IndexToPatient(7.25, 3.5, 11));

        Assert.Equal(7.25, index.Z, 9);
        Assert.Equal(3.5, index.Y, 9);
        Assert.Equal(11, index.X, 9);
        Assert.False(sheared.IsOrthonormal);
    }

    [Fact]
    public void Direction_is_the_three_axes_and_its_first_six_numbers_are_the_image_orientation()
    {
        var g = new VolumeGeometry(new VolumeShape(1, 2, 3), new VoxelSpacing(1, 1, 1), Vector3D.Zero, Row, Column, Row.Cross(Column));

        double[] d = g.Direction;

        Assert.Equal(9, d.Length);
        Assert.Equal(g.AxisX.ToArray(), d[..3]);
        Assert.Equal(Row.X, d[0], 12);
        Assert.Equal(g.AxisY.ToArray(), d[3..6]);
        Assert.Equal(g.AxisZ.ToArray(), d[6..]);
    }

    [Fact]
    public void Affine_maps_homogeneous_xyz_index_to_patient()
    {
        var g = new VolumeGeometry(new VolumeShape(4, 5, 6), new VoxelSpacing(3, 2, 1), new Vector3D(10, 20, 30), Vector3D.UnitX, Vector3D.UnitY, Vector3D.UnitZ);
        double[] a = g.AffineLps;

        // Index (x=2, y=3, z=1) → (10 + 2·1, 20 + 3·2, 30 + 1·3).
        Assert.Equal(12, (a[0] * 2) + (a[1] * 3) + (a[2] * 1) + a[3]);
        Assert.Equal(26, (a[4] * 2) + (a[5] * 3) + (a[6] * 1) + a[7]);
        Assert.Equal(33, (a[8] * 2) + (a[9] * 3) + (a[10] * 1) + a[11]);
    }

    [Theory]
    [InlineData(0, 0, 1, SliceOrientation.Axial)]
    [InlineData(0, 0, -1, SliceOrientation.Axial)]
    [InlineData(0, 1, 0, SliceOrientation.Coronal)]
    [InlineData(-1, 0, 0, SliceOrientation.Sagittal)]
    [InlineData(0, 0.4, 1, SliceOrientation.Axial)]
    [InlineData(0, 1, 1, SliceOrientation.Oblique)]
    public void Orientation_comes_from_the_dominant_axis_of_the_normal(double x, double y, double z, SliceOrientation expected) =>
        Assert.Equal(expected, SliceOrientationClassifier.Classify(new Vector3D(x, y, z)));

    [Fact]
    public void Invalid_shapes_and_spacings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VolumeGeometry.Axial(new VolumeShape(0, 1, 1), new VoxelSpacing(1, 1, 1), Vector3D.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => VolumeGeometry.Axial(new VolumeShape(1, 1, 1), new VoxelSpacing(1, double.NaN, 1), Vector3D.Zero));
        Assert.Throws<ArgumentException>(() => new VolumeGeometry(new VolumeShape(1, 1, 1), new VoxelSpacing(1, 1, 1), Vector3D.Zero, Vector3D.UnitX, Vector3D.UnitX, Vector3D.UnitZ));
    }
}
