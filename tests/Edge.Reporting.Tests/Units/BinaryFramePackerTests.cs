using Edge.Reporting.Segmentation;

namespace Edge.Reporting.Tests.Units;

public sealed class BinaryFramePackerTests
{
    [Fact]
    public void Pixels_pack_least_significant_bit_first_across_frames_without_padding()
    {
        // Two 3×2 frames: 12 bits, so the second frame starts at bit 6 of the first byte; padded to 2 bytes.
        var packer = new BinaryFramePacker(2, 6);
        packer.Add([1, 0, 0, 0, 0, 1], 1);
        packer.Add([0, 1, 1, 0, 0, 1], 1);

        Assert.Equal(new byte[] { 0b1010_0001, 0b0000_1001 }, packer.ToArray());
    }

    [Fact]
    public void Only_the_requested_segment_is_set_and_odd_lengths_are_padded()
    {
        var packer = new BinaryFramePacker(1, 9);
        packer.Add([2, 1, 2, 0, 0, 0, 0, 0, 2], 2);

        Assert.Equal(new byte[] { 0b0000_0101, 0b0000_0001 }, packer.ToArray());
    }

    [Fact]
    public void Missing_or_extra_frames_are_errors()
    {
        var packer = new BinaryFramePacker(1, 4);
        Assert.Throws<InvalidOperationException>(packer.ToArray);
        packer.Add([0, 0, 0, 0], 1);
        Assert.Throws<InvalidOperationException>(() => packer.Add([0, 0, 0, 0], 1));
        Assert.Throws<ArgumentException>(() => new BinaryFramePacker(1, 4).Add([0, 0], 1));
    }
}
