using Edge.Imaging.Geometry;
using Edge.Inference.Postprocessing;
using Edge.Inference.Preprocessing;

namespace Edge.Inference.Tests.Preprocessing;

public sealed class CascadeCropperTests
{
    [Fact]
    public void Box_grows_by_half_a_coarse_voxel_and_the_margin_then_clamps_to_the_volume()
    {
        var source = VolumeGeometry.Axial(new VolumeShape(100, 200, 200), new VoxelSpacing(2, 1, 1), Vector3D.Zero);
        var coarse = VolumeGeometry.Axial(new VolumeShape(40, 40, 40), VoxelSpacing.Isotropic(5), Vector3D.Zero);
        // Organ voxels at coarse [z 10-12, y 20, x 1-30].
        int[] voxels = [.. new[] { (10, 20, 1), (12, 20, 30), (11, 20, 15) }.Select(p => (((p.Item1 * 40) + p.Item2) * 40) + p.Item3)];

        CropBox box = CascadeCropper.Compute(new Component(voxels), coarse, source, [10, 15, 20]);

        // z: 10·5 − 2.5 − 10 = 37.5 mm → voxel ⌊18.75⌋ = 18; 12·5 + 2.5 + 10 = 72.5 mm → ⌈36.25⌉ = 37.
        Assert.Equal(18, box.Z0);
        Assert.Equal(37 - 18 + 1, box.Shape.Depth);
        // y: 100 − 2.5 − 15 = 82.5 → 82; 100 + 2.5 + 15 = 117.5 → 118.
        Assert.Equal(82, box.Y0);
        Assert.Equal(118 - 82 + 1, box.Shape.Height);
        // x: 5 − 2.5 − 20 < 0 → clamped to 0; 150 + 2.5 + 20 = 172.5 → 173.
        Assert.Equal(0, box.X0);
        Assert.Equal(174, box.Shape.Width);
    }
}
