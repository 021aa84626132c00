using Edge.Reporting.Segmentation;

namespace Edge.Reporting.Tests.Units;

public sealed class CieLabTests
{
    [Fact]
    public void White_black_and_red_map_to_their_scaled_lab_values()
    {
        // PS3.3 C.10.7.1.1: L* 0-100 → 0-65535, a*/b* −128-127 → 0-65535.
        Assert.Equal(new ushort[] { 65535, 32896, 32896 }, CieLab.FromSrgb((255, 255, 255)));
        Assert.Equal(new ushort[] { 0, 32896, 32896 }, CieLab.FromSrgb((0, 0, 0)));
        ushort[] red = CieLab.FromSrgb((255, 0, 0));
        Assert.InRange(red[0] / 65535.0 * 100, 53.0, 53.5);
        Assert.InRange((red[1] / 65535.0 * 255) - 128, 79.5, 80.5);
        Assert.InRange((red[2] / 65535.0 * 255) - 128, 66.7, 67.7);
    }
}
