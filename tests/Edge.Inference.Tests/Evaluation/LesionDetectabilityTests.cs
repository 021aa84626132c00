using Edge.Imaging.Phantom;
using Edge.Inference.Evaluation;

namespace Edge.Inference.Tests.Evaluation;

public sealed class LesionDetectabilityTests
{
    [Fact]
    public void Noise_correlation_gain_is_the_kernel_dc_gain_over_its_noise_gain()
    {
        // [1 2 1]/4 in 2-D: Σk = 1, Σk² = (1/16 + 4/16 + 1/16)² = (6/16)²; gain = 1 / (6/16) = 8/3.
        Assert.Equal(8.0 / 3, LesionDetectability.NoiseCorrelationGain([0.25, 0.5, 0.25]), 12);
        // The renderer documents the same kernel's noise gain as 0.375: its white noise is σ / 0.375.
        Assert.Equal(1 / 0.375, LesionDetectability.NoiseCorrelationGain(PhantomScan.BlurKernel), 12);
        Assert.Equal(1.0, LesionDetectability.NoiseCorrelationGain([1.0]));
        // [1 1] in 2-D: (Σk₁)² / Σk₁² = 4 / 2.
        Assert.Equal(2.0, LesionDetectability.NoiseCorrelationGain([1.0, 1.0]), 12);
        Assert.Throws<ArgumentException>(() => LesionDetectability.NoiseCorrelationGain([0.0]));
    }

    [Fact]
    public void Rose_index_is_contrast_over_noise_times_root_sample_count()
    {
        // 8 HU in 4 HU noise over 1000 mm³ of 10 mm³ voxels: 2 · √100 = 20.
        Assert.Equal(20.0, LesionDetectability.Rose(8, 4, 1000, 10), 12);
    }

    [Theory]
    // A sphere inside one slice, the slice centred on it: F = 3D / 4T.
    [InlineData(4.0, 5.0, 0.0, 0.6)]
    [InlineData(5.0, 5.0, 0.0, 0.75)]
    // A slice boundary through its centre: two hemispheres, F = 3D / 8T.
    [InlineData(4.0, 5.0, 2.5, 0.3)]
    [InlineData(2.0, 8.0, -4.0, 0.09375)]
    public void Partial_volume_of_a_sphere_within_a_slice_matches_the_closed_form(double diameter, double thickness, double offset, double expected)
    {
        Assert.Equal(expected, LesionDetectability.PartialVolumeFactor(diameter, thickness, offset), 6);
    }

    [Fact]
    public void Partial_volume_fades_as_the_lesion_outgrows_the_slice()
    {
        double thin = LesionDetectability.PartialVolumeFactor(40, 1, 0.3);
        Assert.InRange(thin, 0.98, 1.0);
        double previous = 0;
        foreach (double diameter in new[] { 2.0, 5, 10, 20, 40 })
        {
            double f = LesionDetectability.PartialVolumeFactor(diameter, 5, 0);
            Assert.InRange(f, previous, 1.0);
            previous = f;
        }

        // Only the lesion's position relative to the slice grid matters.
        Assert.Equal(LesionDetectability.PartialVolumeFactor(6, 5, 0.7), LesionDetectability.PartialVolumeFactor(6, 5, 0.7 - 5), 9);
        Assert.Equal(LesionDetectability.PartialVolumeFactor(6, 5, 1.1), LesionDetectability.PartialVolumeFactor(6, 5, -1.1), 9);
    }

    [Fact]
    public void Index_combines_contrast_correlated_noise_volume_and_partial_volume()
    {
        // 12 HU in σ = 9 HU slices → σ_eff = 24; D = 4 mm in a centred 5 mm slice → F = 0.6; V = π/6·64; voxel 1·1·5 mm³.
        double expected = 12.0 / 24 * Math.Sqrt(0.6 * (Math.PI / 6 * 64) / 5);
        Assert.Equal(expected, LesionDetectability.Index(12, 4, 9, 1, 5, 0), 6);
        Assert.Equal(1.00265, LesionDetectability.Index(12, 4, 9, 1, 5, 0), 5);
        // Halving the noise doubles d′; a finer pixel raises it by the root of the voxel ratio.
        Assert.Equal(2 * expected, LesionDetectability.Index(12, 4, 4.5, 1, 5, 0), 6);
        Assert.Equal(2 * expected, LesionDetectability.Index(12, 4, 9, 0.5, 5, 0), 6);
    }

    [Fact]
    public void A_generated_phantom_gives_its_lesion_index_from_truth_and_none_without_a_lesion()
    {
        var options = new PhantomOptions
        {
            Seed = 11,
            Size = 128,
            Slices = 48,
            SliceThicknessMm = 5,
            PixelSpacingMm = 2.5,
            NoiseSigmaHu = 10,
            Lesion = true,
            LesionDiameterMm = 4,
            LesionContrastHu = 20,
        };
        PhantomVolume phantom = PhantomGenerator.Generate(options);

        double? index = LesionDetectability.Of(phantom);

        // Wherever the slices cut it, the 4 mm sphere lies between the boundary-halved and the centred case.
        Assert.NotNull(index);
        Assert.InRange(index.Value, LesionDetectability.Index(20, 4, 10, 2.5, 5, 2.5) - 1e-9, LesionDetectability.Index(20, 4, 10, 2.5, 5, 0) + 1e-9);
        Assert.Null(LesionDetectability.Of(PhantomGenerator.Generate(options with { Lesion = false, LesionDiameterMm = null, LesionContrastHu = null })));
    }

    [Theory]
    // Small lesions in thin and thick slices, drawn and fixed scans, at small matrices to stay fast.
    [InlineData(1, 64, 5.0, 6.0, 12.0)]
    [InlineData(2, 96, 1.25, 5.0, 25.0)]
    [InlineData(3, 80, 2.5, 9.5, 7.5)]
    [InlineData(4, 64, null, 14.0, 20.0)]
    [InlineData(5, 96, 3.0, 8.0, 30.0)]
    public void Index_per_hu_of_a_preview_times_contrast_is_the_rendered_phantoms_index(int seed, int size, double? thickness, double diameter, double contrast)
    {
        var options = new PhantomOptions
        {
            Seed = seed,
            Size = size,
            Slices = 32,
            SliceThicknessMm = thickness,
            Lesion = true,
            LesionDiameterMm = diameter,
            LesionContrastHu = contrast,
        };

        double perHu = LesionDetectability.PerHu(PhantomGenerator.Preview(options));
        double? rendered = LesionDetectability.Of(PhantomGenerator.Generate(options));

        // The truth rounds the noise and the centre's slice index to 3 decimals, so agreement is relative, not exact.
        Assert.NotNull(rendered);
        Assert.True(perHu > 0);
        Assert.Equal(1.0, perHu * contrast / rendered.Value, 1e-3);
    }

    [Fact]
    public void Index_per_hu_of_a_lesion_free_preview_is_refused()
    {
        PhantomPreview none = PhantomGenerator.Preview(new PhantomOptions { Seed = 2, Size = 64, Slices = 20, Lesion = false });

        var error = Assert.Throws<ArgumentException>(() => LesionDetectability.PerHu(none));

        Assert.Equal("preview", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => LesionDetectability.PerHu(null!));
    }
}
