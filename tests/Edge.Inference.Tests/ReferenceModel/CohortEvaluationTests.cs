using Edge.Inference.Evaluation;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>
/// The CI-sized evaluation through the full path (DICOM → assembly → ONNX Runtime); larger cohorts: edgectl eval and
/// the model card.
/// <para>
/// The first cohort is drawn from the generator's full lesion range (5–40 mm, 5–30 HU below the gland, any site, slices
/// of 1–5 mm). About a quarter of such lesions lie below Rose's criterion for detection in search (d′ &lt; 5, see
/// <see cref="LesionDetectability"/>): a 6 mm lesion 7 HU below the gland in 2.5 mm slices is beneath the noise for
/// any observer, so no model can rank them and the whole cohort's AUC is held only to a floor that catches a broken
/// path; the bar of AUC ≥ 0.95 applies to its lesions with d′ ≥ 5 against every lesion-free phantom.
/// </para>
/// <para>
/// The second cohort (<see cref="LesionRange.Detectable"/>) keeps the size bins, sites and lesion-free phantoms but
/// draws every lesion visible in principle (d′ ≥ 5), and carries the bar on the whole cohort: AUC ≥ 0.95. Seed 7 has
/// been the CI seed since the first evaluation test, before any model was trained against these cohorts. A 24-phantom
/// cohort's AUC varies from seed to seed; the model card (DETECTABLE_REPORT_COHORTS) reports twenty of them with
/// their spread and pooled AUC. A defect anywhere on the path (geometry, preprocessing, windowing, case score) sinks
/// all of these towards 0.5.
/// </para>
/// </summary>
public sealed class CohortEvaluationTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Fact]
    public void Lesions_above_the_rose_criterion_reach_auc_0_95_on_a_full_range_cohort()
    {
        using var temp = new TempDirectory();
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(24, seed: 7, size: 192);
        var evaluator = new CohortEvaluator(new ScreeningPipeline([model.Package], model.Sessions), model.Package);

        EvaluationReport report = evaluator.Run(cohort, 7, temp.Path);

        string scores = string.Join(", ", report.Cases.Select(c =>
            $"{(c.Case.HasLesion ? $"{c.Case.LesionMm}mm/{c.Case.ContrastHu}HU/d'{c.Detectability:0.0}" : "none")}={c.Score:0.000}"));
        Assert.Equal(24, report.Cases.Count);
        Assert.Equal(12, report.Cases.Count(c => c.Case.HasLesion));
        Assert.All(report.Cases.Where(c => c.Case.HasLesion), c => Assert.NotNull(c.Detectability));
        Assert.Equal(12, report.ByDetectability.Sum(s => s.Lesions));

        DetectabilityStratum visible = report.ByDetectability.Single(s => s.MinIndex == LesionDetectability.SearchThreshold);
        Assert.True(visible.Lesions >= 6, $"only {visible.Lesions} lesions with d′ ≥ 5: {scores}");
        Assert.True(visible.Auc >= 0.95, $"AUC {visible.Auc:0.000} on lesions with d′ ≥ 5; scores: {scores}");
        Assert.True(report.Auc >= 0.75, $"whole-cohort AUC {report.Auc:0.000}; scores: {scores}");

        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Threshold, model.Package.Manifest.GetOperatingPoint().Threshold);
        Assert.Equal(12, report.BySize.Sum(b => b.Cases));
        Assert.DoesNotContain(report.Cases, c => c.Decision == ScreeningDecision.Failed);
    }

    [Fact]
    public void A_cohort_of_lesions_visible_in_principle_reaches_auc_0_95()
    {
        using var temp = new TempDirectory();
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(24, seed: 7, size: 192, LesionRange.Detectable);
        var evaluator = new CohortEvaluator(new ScreeningPipeline([model.Package], model.Sessions), model.Package);

        EvaluationReport report = evaluator.Run(cohort, 7, temp.Path);

        string scores = string.Join(", ", report.Cases.Select(c =>
            $"{(c.Case.HasLesion ? $"{c.Case.LesionMm}mm/{c.Case.ContrastHu}HU/{c.Case.ThicknessMm}mm/d'{c.Detectability:0.0}" : "none")}={c.Score:0.000}"));
        Assert.Equal(24, report.Cases.Count);
        Assert.Equal(12, report.Cases.Count(c => c.Case.HasLesion));

        // The planner reaches d' 5 from the preview's exact centre; the rendered truth rounds it to 3 decimals.
        Assert.All(report.Cases.Where(c => c.Case.HasLesion), c =>
            Assert.True(c.Detectability >= LesionDetectability.SearchThreshold - 1e-6, $"case {c.Case.Index} d' {c.Detectability}; scores: {scores}"));
        DetectabilityStratum visible = report.ByDetectability.Single(s => s.MinIndex == LesionDetectability.SearchThreshold);
        Assert.True(visible.Lesions == 12, $"{visible.Lesions} of 12 lesions in the d′ ≥ 5 stratum; scores: {scores}");
        Assert.Equal(0, report.Failed);
        Assert.DoesNotContain(report.Cases, c => c.Decision == ScreeningDecision.Failed);
        Assert.Equal(12, report.BySize.Sum(b => b.Cases));

        Assert.True(report.Auc >= 0.95, $"whole-cohort AUC {report.Auc:0.000} with every lesion at d′ ≥ 5; scores: {scores}");
    }
}
