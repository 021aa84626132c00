using Edge.Imaging.Geometry;
using Edge.Inference.Postprocessing;

namespace Edge.Inference.Tests.Postprocessing;

public sealed class OrganRegionTests
{
    private static readonly VolumeShape Shape = new(9, 10, 12);

    private static int Index(int z, int y, int x) => (((z * Shape.Height) + y) * Shape.Width) + x;

    [Fact]
    public void The_gland_is_the_largest_component_of_organ_and_finding_together()
    {
        var labels = new byte[Shape.VoxelCount];
        for (int x = 1; x <= 4; x++)
        {
            labels[Index(4, 5, x)] = 1;         // organ, head side
        }

        labels[Index(4, 5, 5)] = 2;             // a lesion joins the two organ parts
        labels[Index(4, 5, 6)] = 2;
        for (int x = 7; x <= 8; x++)
        {
            labels[Index(4, 5, x)] = 1;         // organ, tail side
        }

        for (int x = 0; x < 5; x++)
        {
            labels[Index(0, 0, x)] = 2;         // a separate, smaller look-alike
        }

        OrganRegion region = OrganRegion.Find(labels, Shape, [1, 2])!;

        Assert.Equal(8, region.Gland.VoxelCount);
        Assert.DoesNotContain(Index(0, 0, 0), region.Gland.Voxels);
        Assert.Null(OrganRegion.Find(new byte[Shape.VoxelCount], Shape, [1, 2]));
    }

    [Theory]
    [InlineData(4.0, 2.0, 2)]
    [InlineData(3.0, 2.0, 2)]      // 1.5 rounds half to even: 2
    [InlineData(5.0, 2.0, 2)]      // 2.5 rounds half to even: 2
    [InlineData(0.0, 2.0, 0)]
    public void Growing_matches_a_brute_force_box_dilation(double marginMm, double spacingMm, int radius)
    {
        var random = new Random(17);
        var labels = new byte[Shape.VoxelCount];
        labels[Index(4, 5, 6)] = 1;
        for (int i = 0; i < 6; i++)
        {
            labels[Index(4, 5, 6) + random.Next(-1, 2)] = 1;
        }

        labels[Index(8, 9, 11)] = 1;             // a corner voxel; its own, smaller component is not grown
        OrganRegion region = OrganRegion.Find(labels, Shape, [1])!;

        bool[] grown = region.Grow(marginMm, VoxelSpacing.Isotropic(spacingMm));

        var gland = new HashSet<int>(region.Gland.Voxels);
        for (int z = 0; z < Shape.Depth; z++)
        {
            for (int y = 0; y < Shape.Height; y++)
            {
                for (int x = 0; x < Shape.Width; x++)
                {
                    bool expected = gland.Any(v => Math.Abs((v / Shape.SliceLength) - z) <= radius
                        && Math.Abs((v % Shape.SliceLength / Shape.Width) - y) <= radius
                        && Math.Abs((v % Shape.Width) - x) <= radius);
                    Assert.True(expected == grown[Index(z, y, x)], $"({z}, {y}, {x}): expected {expected}");
                }
            }
        }
    }
}
