using Edge.Imaging;
using Edge.Imaging.Geometry;
using Edge.Inference.Preprocessing;

namespace Edge.Inference.Tests.Preprocessing;

public sealed class AxisReorienterTests
{
    [Fact]
    public void An_LPS_axial_volume_is_returned_as_is()
    {
        CtVolume volume = Ramp(VolumeGeometry.Axial(new VolumeShape(2, 3, 4), new VoxelSpacing(2, 1, 1), new Vector3D(1, 2, 3)));
        Assert.Same(volume, AxisReorienter.ToOrientation(volume, "LPS"));
    }

    [Theory]
    [InlineData("LPS")]
    [InlineData("RAS")]
    [InlineData("LPI")]
    public void Every_voxel_keeps_its_patient_position(string code)
    {
        // A coronal-like grid with rows running feet-to-head and columns right-to-left (x flipped).
        var geometry = new VolumeGeometry(new VolumeShape(3, 4, 5), new VoxelSpacing(3, 2, 1), new Vector3D(10, -20, 30),
            new Vector3D(-1, 0, 0), new Vector3D(0, 0, 1), new Vector3D(0, 1, 0));
        CtVolume volume = Ramp(geometry);

        CtVolume oriented = AxisReorienter.ToOrientation(volume, code);

        var expectedSigns = code.Select(Edge.Inference.Packages.AxisCodes.Sign).ToArray();
        Assert.Equal(expectedSigns[0], Math.Sign(oriented.Geometry.AxisX.X));
        Assert.Equal(expectedSigns[1], Math.Sign(oriented.Geometry.AxisY.Y));
        Assert.Equal(expectedSigns[2], Math.Sign(oriented.Geometry.AxisZ.Z));
        for (int z = 0; z < oriented.Shape.Depth; z++)
        {
            for (int y = 0; y < oriented.Shape.Height; y++)
            {
                for (int x = 0; x < oriented.Shape.Width; x++)
                {
                    Vector3D position = oriented.Geometry.IndexToPatient(z, y, x);
                    (int sz, int sy, int sx) = geometry.PatientToIndex(position).Round();
                    Assert.Equal(volume[sz, sy, sx], oriented[z, y, x]);
                }
            }
        }
    }

    private static CtVolume Ramp(VolumeGeometry geometry)
        => new(geometry, [.. Enumerable.Range(0, (int)geometry.Shape.VoxelCount).Select(i => (float)i)]);
}
