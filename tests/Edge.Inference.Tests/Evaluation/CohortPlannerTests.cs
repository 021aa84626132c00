using Edge.Imaging.Phantom;
using Edge.Inference.Evaluation;

namespace Edge.Inference.Tests.Evaluation;

public sealed class CohortPlannerTests
{
    [Fact]
    public void Half_the_cohort_has_lesions_spread_over_sizes_sites_and_contrast()
    {
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(24, seed: 3, size: 256);

        AssertSpreadOverBinsSitesAndContrast(cohort);
        Assert.Equal(cohort, CohortPlanner.Plan(24, seed: 3, size: 256));
        Assert.NotEqual(cohort.Select(c => c.Seed), CohortPlanner.Plan(24, seed: 4, size: 256).Select(c => c.Seed));
    }

    [Fact]
    public void A_lesion_range_narrows_size_and_contrast_and_the_full_range_draws_as_before()
    {
        var conspicuous = LesionRange.Full with { MinMm = 10, MinContrastHu = 15 };

        CohortCase[] lesions = [.. CohortPlanner.Plan(24, seed: 3, size: 256, conspicuous).Where(c => c.HasLesion)];

        Assert.Equal(12, lesions.Length);
        Assert.All(lesions, c => Assert.InRange(c.LesionMm!.Value, 10, 40));
        Assert.All(lesions, c => Assert.InRange(c.ContrastHu!.Value, 15, 30));
        Assert.Equal(4, lesions.Count(c => c.LesionMm < 20));
        Assert.Equal(CohortPlanner.Plan(24, seed: 3, size: 256), CohortPlanner.Plan(24, seed: 3, size: 256, LesionRange.Full));
    }

    [Theory]
    [InlineData(4, 40, 5, 30, 0, "lesion diameter")]
    [InlineData(20, 10, 5, 30, 0, "lesion diameter")]
    [InlineData(5, 40, 20, 10, 0, "lesion contrast")]
    [InlineData(5, 40, 5, 31, 0, "lesion contrast")]
    [InlineData(5, 40, 5, 30, -0.5, "detectability")]
    [InlineData(5, 40, 5, 30, 50.5, "detectability")]
    [InlineData(5, 40, 5, 30, double.NaN, "detectability")]
    public void A_range_outside_the_generator_is_refused_with_the_bound_named(double minMm, double maxMm, double minHu, double maxHu, double minDetectability, string named)
    {
        var range = new LesionRange(minMm, maxMm, minHu, maxHu, minDetectability);

        var error = Assert.Throws<ArgumentException>(() => CohortPlanner.Plan(12, 1, 192, range));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Single(range.Validate());
    }

    [Fact]
    public void A_detectability_floor_makes_every_lesion_visible_and_keeps_the_negatives()
    {
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(24, seed: 3, size: 192, LesionRange.Detectable);

        Assert.Equal(24, cohort.Count);
        CohortCase[] lesions = AssertSpreadOverBinsSitesAndContrast(cohort);
        Assert.Equal(Enumerable.Range(0, 24), cohort.Select(c => c.Index));
        Assert.All(lesions, c =>
        {
            double perHu = LesionDetectability.PerHu(PhantomGenerator.Preview(CohortPlanner.Options(c)));
            double index = perHu * c.ContrastHu!.Value;
            Assert.True(index >= LesionDetectability.SearchThreshold, $"case {c.Index}: {c.LesionMm} mm, {c.ContrastHu} HU, {c.ThicknessMm} mm slices: d' {index:0.000}");
        });

        // The same lesion-free slots and phantom seeds as the plan without a floor.
        Assert.Equal(
            CohortPlanner.Plan(24, seed: 3, size: 192).Where(c => !c.HasLesion).Select(c => (c.Index, c.Seed)),
            cohort.Where(c => !c.HasLesion).Select(c => (c.Index, c.Seed)));
        Assert.Equal(cohort, CohortPlanner.Plan(24, seed: 3, size: 192, LesionRange.Detectable));
    }

    [Fact]
    public void A_detectability_floor_leaves_the_lesion_free_phantoms_as_they_were()
    {
        // The floor only moves lesion cases: each lesion-free phantom keeps its scan (thickness, coverage), so a
        // floored and an unfloored evaluation share their negatives and differ only in the lesions.
        CohortCase[] floored = [.. CohortPlanner.Plan(24, seed: 3, size: 192, LesionRange.Detectable).Where(c => !c.HasLesion)];
        CohortCase[] unfloored = [.. CohortPlanner.Plan(24, seed: 3, size: 192).Where(c => !c.HasLesion)];

        Assert.Equal(12, floored.Length);
        Assert.Equal(unfloored, floored);
    }

    [Fact]
    public void The_floor_lifts_the_lesions_the_full_range_leaves_below_it()
    {
        // Without a floor, some lesions of this cohort are below d' 5; with it, none is, and the cohort still spans the bins.
        static double Index(CohortCase c) => LesionDetectability.PerHu(PhantomGenerator.Preview(CohortPlanner.Options(c))) * c.ContrastHu!.Value;
        CohortCase[] full = [.. CohortPlanner.Plan(24, seed: 3, size: 192).Where(c => c.HasLesion)];
        CohortCase[] floored = [.. CohortPlanner.Plan(24, seed: 3, size: 192, LesionRange.Detectable).Where(c => c.HasLesion)];

        Assert.Contains(full, c => Index(c) < LesionDetectability.SearchThreshold);
        Assert.DoesNotContain(floored, c => Index(c) < LesionDetectability.SearchThreshold);
        Assert.Equal(full.Select(c => c.Site), floored.Select(c => c.Site));
    }

    [Fact]
    public void A_floor_out_of_reach_is_refused_naming_d_prime()
    {
        var unreachable = new LesionRange(5, 6, 5, 6, MinDetectability: 50);

        var error = Assert.Throws<ArgumentException>(() => CohortPlanner.Plan(24, seed: 3, size: 192, unreachable));

        Assert.Contains("d'", error.Message, StringComparison.Ordinal);
        Assert.Contains("5-6 mm", error.Message, StringComparison.Ordinal);
        Assert.Equal("lesions", error.ParamName);
    }

    [Fact]
    public void Options_render_the_case_as_planned()
    {
        CohortCase lesion = CohortPlanner.Plan(8, seed: 5, size: 128, LesionRange.Detectable).First(c => c.HasLesion);
        CohortCase negative = CohortPlanner.Plan(8, seed: 5, size: 128).First(c => !c.HasLesion);

        PhantomOptions options = CohortPlanner.Options(lesion);
        Assert.Equal((lesion.Seed, lesion.Size, lesion.Slices, lesion.ThicknessMm), (options.Seed, options.Size, options.Slices, options.SliceThicknessMm!.Value));
        Assert.True(options.Lesion);
        Assert.Equal(lesion.LesionMm, options.LesionDiameterMm);
        Assert.Equal(lesion.ContrastHu, options.LesionContrastHu);
        Assert.Equal(lesion.Site, options.LesionSite!.Value.ToString().ToLowerInvariant());
        Assert.Empty(options.Validate());

        PhantomOptions none = CohortPlanner.Options(negative);
        Assert.False(none.Lesion);
        Assert.Null(none.LesionDiameterMm);
        Assert.Null(none.LesionSite);
        Assert.Null(none.LesionContrastHu);
        Assert.Empty(none.Validate());
        Assert.Throws<ArgumentNullException>(() => CohortPlanner.Options(null!));
    }

    /// <summary>Half the cohort carries a lesion, three per size bin, every site, 5–30 HU, 150–230 mm of coverage, distinct seeds.</summary>
    private static CohortCase[] AssertSpreadOverBinsSitesAndContrast(IReadOnlyList<CohortCase> cohort)
    {
        CohortCase[] lesions = [.. cohort.Where(c => c.HasLesion)];
        Assert.Equal(cohort.Count / 2, lesions.Length);
        foreach ((double min, double max) in CohortPlanner.SizeBins)
        {
            Assert.Equal(3, lesions.Count(c => c.LesionMm >= min && c.LesionMm < max));
        }

        Assert.Equal(["body", "head", "tail"], lesions.Select(c => c.Site!).Distinct().Order());
        Assert.All(lesions, c => Assert.InRange(c.ContrastHu!.Value, 5, 30));
        Assert.All(cohort, c => Assert.InRange(c.Slices * c.ThicknessMm, 150, 230));
        Assert.Equal(cohort.Count, cohort.Select(c => c.Seed).Distinct().Count());
        return lesions;
    }
}
