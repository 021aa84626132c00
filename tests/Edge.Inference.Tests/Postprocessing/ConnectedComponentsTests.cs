using Edge.Imaging.Geometry;
using Edge.Inference.Postprocessing;

namespace Edge.Inference.Tests.Postprocessing;

public sealed class ConnectedComponentsTests
{
    private static readonly VolumeShape Shape = new(5, 5, 5);

    [Theory]
    [InlineData(6, 4)]      // face neighbours only: the edge- and corner-touching voxels stand alone
    [InlineData(18, 3)]     // edges join one pair
    [InlineData(26, 2)]     // corners join the rest
    public void Connectivity_decides_which_voxels_touch(int connectivity, int expectedComponents)
    {
        byte[] map = new byte[Shape.VoxelCount];
        Set(map, 1, 1, 1);
        Set(map, 1, 1, 2);      // face neighbour of (1,1,1)
        Set(map, 1, 2, 3);      // edge neighbour of (1,1,2)
        Set(map, 2, 3, 4);      // corner neighbour of (1,2,3)
        Set(map, 4, 4, 0);      // far away

        IReadOnlyList<Component> components = ConnectedComponents.Find(map, Shape, 1, connectivity);

        Assert.Equal(expectedComponents, components.Count);
        Assert.Equal(5, components.Sum(c => c.VoxelCount));
        Assert.True(components.Zip(components.Skip(1)).All(p => p.First.VoxelCount >= p.Second.VoxelCount));
    }

    [Fact]
    public void Only_the_requested_label_is_labelled_and_keep_largest_clears_the_rest()
    {
        byte[] map = new byte[Shape.VoxelCount];
        Set(map, 0, 0, 0, 2);
        Set(map, 0, 0, 1, 2);
        Set(map, 3, 3, 3, 2);
        Set(map, 2, 2, 2, 1);

        Assert.Single(ConnectedComponents.Find(map, Shape, 1, 26));
        ConnectedComponents.KeepLargest(map, Shape, 2, 26);

        Assert.Equal(2, map.Count(v => v == 2));
        Assert.Equal(0, map[Index(3, 3, 3)]);
        Assert.Equal(1, map[Index(2, 2, 2)]);
    }

    [Fact]
    public void Rejects_unknown_connectivity()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ConnectedComponents.Find(new byte[125], Shape, 1, 8));

    private static int Index(int z, int y, int x) => (((z * 5) + y) * 5) + x;

    private static void Set(byte[] map, int z, int y, int x, byte value = 1) => map[Index(z, y, x)] = value;
}
