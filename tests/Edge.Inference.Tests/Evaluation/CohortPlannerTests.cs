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
}
