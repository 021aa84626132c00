using Edge.Inference.Windowing;

namespace Edge.Inference.Tests.Windowing;

public sealed class TileLayoutTests
{
    [Theory]
    [InlineData(128, 128, 0.5, new[] { 0 })]
    [InlineData(129, 128, 0.5, new[] { 0, 1 })]
    [InlineData(192, 128, 0.5, new[] { 0, 64 })]
    [InlineData(200, 128, 0.5, new[] { 0, 36, 72 })]          // nnU-Net: ceil(72/64)+1 = 3 tiles, step 36
    [InlineData(10, 4, 0.5, new[] { 0, 2, 4, 6 })]
    [InlineData(11, 4, 0.5, new[] { 0, 2, 4, 5, 7 })]          // step 1.75: 0, 1.75, 3.5, 5.25, 7 → round half to even
    [InlineData(20, 8, 0.0, new[] { 0, 6, 12 })]
    public void Matches_nnUNet_tiling(int size, int patch, double overlap, int[] expected)
    {
        Assert.Equal(expected, TileLayout.Starts(size, patch, overlap));
    }

    [Theory]
    [InlineData(300, 48, 0.5)]
    [InlineData(97, 32, 0.5)]
    [InlineData(513, 64, 0.25)]
    [InlineData(65, 64, 0.9)]
    public void Covers_the_axis_with_steps_no_longer_than_allowed_and_flush_edges(int size, int patch, double overlap)
    {
        int[] starts = TileLayout.Starts(size, patch, overlap);
        Assert.Equal(0, starts[0]);
        Assert.Equal(size - patch, starts[^1]);
        for (int i = 1; i < starts.Length; i++)
        {
            int step = starts[i] - starts[i - 1];
            Assert.InRange(step, 1, Math.Ceiling(patch * (1 - overlap)));
        }

        Assert.Equal(BruteForceSlidingWindow.StartsByDefinition(size, patch, overlap), starts);
    }

    [Fact]
    public void Rejects_impossible_layouts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TileLayout.Starts(10, 12, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileLayout.Starts(10, 4, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileLayout.Starts(10, 0, 0.5));
    }
}
