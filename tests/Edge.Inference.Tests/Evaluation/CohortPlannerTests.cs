using Edge.Inference.Evaluation;

namespace Edge.Inference.Tests.Evaluation;

public sealed class CohortPlannerTests
{
    [Fact]
    public void Half_the_cohort_has_lesions_spread_over_sizes_sites_and_contrast()
    {
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(24, seed: 3, size: 256);

        Assert.Equal(12, cohort.Count(c => c.HasLesion));
        CohortCase[] lesions = [.. cohort.Where(c => c.HasLesion)];
        foreach ((double min, double max) in CohortPlanner.SizeBins)
        {
            Assert.Equal(3, lesions.Count(c => c.LesionMm >= min && c.LesionMm < max));
        }

        Assert.Equal(["body", "head", "tail"], lesions.Select(c => c.Site!).Distinct().Order());
        Assert.All(lesions, c => Assert.InRange(c.ContrastHu!.Value, 5, 30));
        Assert.All(cohort, c => Assert.InRange(c.Slices * c.ThicknessMm, 150, 230));
        Assert.Equal(cohort.Count, cohort.Select(c => c.Seed).Distinct().Count());
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
    [InlineData(4, 40, 5, 30, "lesion diameter")]
    [InlineData(20, 10, 5, 30, "lesion diameter")]
    [InlineData(5, 40, 20, 10, "lesion contrast")]
    [InlineData(5, 40, 5, 31, "lesion contrast")]
    public void A_range_outside_the_generator_is_refused_with_the_bound_named(double minMm, double maxMm, double minHu, double maxHu, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => CohortPlanner.Plan(12, 1, 192, new LesionRange(minMm, maxMm, minHu, maxHu)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
