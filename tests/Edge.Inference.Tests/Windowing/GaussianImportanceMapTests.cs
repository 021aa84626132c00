using Edge.Imaging.Geometry;
using Edge.Inference.Windowing;

namespace Edge.Inference.Tests.Windowing;

public sealed class GaussianImportanceMapTests
{
    [Fact]
    public void Peaks_at_one_in_the_centre_with_sigma_an_eighth_of_the_patch_and_no_zeros()
    {
        var patch = new VolumeShape(32, 48, 64);
        var map = new GaussianImportanceMap(patch, 0.125);

        Assert.Equal(1f, map.Weights.Max());
        int centre = (((16 * 48) + 24) * 64) + 32;
        Assert.Equal(1f, map.Weights[centre]);
        Assert.All(map.Weights, w => Assert.True(w > 0));

        // One σ (= 64/8 = 8 voxels) from the centre along x the weight is e^(−1/2).
        Assert.Equal(Math.Exp(-0.5), map.Weights[centre + 8], 5);

        // The corner is the product of three 4σ tails: e^(−8·3) for the far corner.
        Assert.Equal(Math.Exp(-24), map.Weights[0], 12);
    }
}
