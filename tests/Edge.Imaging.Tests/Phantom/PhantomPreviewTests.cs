using Edge.Imaging.Phantom;

namespace Edge.Imaging.Tests.Phantom;

/// <summary><see cref="PhantomGenerator.Preview"/> resolves the same scan and lesion as <see cref="PhantomGenerator.Generate"/>, without rendering.</summary>
public sealed class PhantomPreviewTests
{
    [Theory]
    // Lesion forced, absent, or drawn from the seed; thickness drawn or fixed; small matrices to stay fast.
    [InlineData(1, true, null)]
    [InlineData(2, true, 2.5)]
    [InlineData(3, false, null)]
    [InlineData(4, false, 5.0)]
    [InlineData(5, null, null)]
    [InlineData(6, null, 1.25)]
    [InlineData(77, true, 1.0)]
    [InlineData(2024, null, null)]
    public void Preview_resolves_the_scan_and_lesion_that_generate_renders(int seed, bool? lesion, double? thickness)
    {
        var options = new PhantomOptions { Seed = seed, Size = 64 + (seed % 3 * 16), Slices = 40, Lesion = lesion, SliceThicknessMm = thickness };

        PhantomPreview preview = PhantomGenerator.Preview(options);
        PhantomVolume phantom = PhantomGenerator.Generate(options);

        Assert.Equal(phantom.Scan, preview.Scan);
        Assert.Equal(PhantomGenerator.Preview(options), preview);
        if (phantom.GroundTruth.Lesion is not { } truth)
        {
            Assert.NotEqual(true, lesion);
            Assert.Null(preview.LesionDiameterMm);
            Assert.Null(preview.LesionContrastHu);
            Assert.Null(preview.LesionCentreSlice);
            return;
        }

        Assert.NotEqual(false, lesion);
        Assert.Equal(truth.DiameterMm, preview.LesionDiameterMm);
        Assert.Equal(truth.ContrastHu, preview.LesionContrastHu);

        // The truth rounds its fractional voxel index to 3 decimals.
        Assert.NotNull(preview.LesionCentreSlice);
        Assert.Equal(truth.CentreVoxel[0], preview.LesionCentreSlice.Value, 1e-3);
    }

    [Fact]
    public void Preview_keeps_the_options_it_is_given_and_draws_the_rest_as_generate_does()
    {
        var drawn = new PhantomOptions { Seed = 31, Size = 96, Slices = 32, SliceThicknessMm = 3, Lesion = true };
        var fixedLesion = drawn with { LesionDiameterMm = 12.5, LesionContrastHu = 17.3, LesionSite = PancreasSite.Tail };

        PhantomPreview a = PhantomGenerator.Preview(drawn);
        PhantomPreview b = PhantomGenerator.Preview(fixedLesion);

        // The lesion's size and contrast are the generator's draws (8-30 mm, 5-30 HU) unless given.
        Assert.InRange(a.LesionDiameterMm!.Value, 8, 30);
        Assert.InRange(a.LesionContrastHu!.Value, 5, 30);
        Assert.Equal(12.5, b.LesionDiameterMm);
        Assert.Equal(17.3, b.LesionContrastHu);
        Assert.Equal(3, b.Scan.SliceThicknessMm);
        Assert.Equal(3, b.Scan.SliceSpacingMm);

        // The lesion options change only the lesion: field of view, noise, table offset are the same draws.
        Assert.Equal(a.Scan, b.Scan);

        // And the rendered phantom agrees with the preview of the fixed options.
        PhantomVolume phantom = PhantomGenerator.Generate(fixedLesion);
        Assert.Equal(phantom.Scan, b.Scan);
        Assert.Equal("tail", phantom.GroundTruth.Lesion!.Site);
        Assert.Equal(phantom.GroundTruth.Lesion.CentreVoxel[0], b.LesionCentreSlice!.Value, 1e-3);
    }

    [Fact]
    public void A_lesion_free_preview_has_no_lesion_fields()
    {
        PhantomPreview preview = PhantomGenerator.Preview(new PhantomOptions { Seed = 9, Size = 64, Slices = 20, Lesion = false });

        Assert.Null(preview.LesionDiameterMm);
        Assert.Null(preview.LesionContrastHu);
        Assert.Null(preview.LesionCentreSlice);
        Assert.Equal(9, preview.Scan.Seed);
        Assert.Equal(64, preview.Scan.Size);
        Assert.Equal(20, preview.Scan.Slices);
    }

    [Theory]
    [InlineData(8, 40, null, null, "size must be")]
    [InlineData(64, 0, null, null, "slices must be")]
    [InlineData(64, 40, -1.0, null, "thickness must be")]
    [InlineData(64, 40, null, 0.5, "lesion diameter must be")]
    public void Invalid_options_throw_naming_the_option(int size, int slices, double? thickness, double? lesionMm, string named)
    {
        var bad = new PhantomOptions { Size = size, Slices = slices, SliceThicknessMm = thickness, LesionDiameterMm = lesionMm };

        var e = Assert.Throws<ArgumentException>(() => PhantomGenerator.Preview(bad));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Equal("options", e.ParamName);
    }

    [Fact]
    public void Contradictory_lesion_options_and_null_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => PhantomGenerator.Preview(new PhantomOptions { Size = 64, Slices = 20, Lesion = false, LesionContrastHu = 10 }));

        Assert.Contains("contradict", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => PhantomGenerator.Preview(null!));
    }
}
