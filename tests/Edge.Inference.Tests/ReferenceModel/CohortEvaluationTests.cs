using Edge.Inference.Evaluation;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>
/// The CI-sized evaluation through the full path (DICOM → assembly → ONNX Runtime); larger cohorts: edgectl eval.
/// <para>
/// The first cohort is drawn from the generator's full lesion range (5–40 mm, 5–30 HU below the gland, any site, slices
/// of 1–5 mm). About a quarter of such lesions lie below Rose's criterion for detection in search (d′ &lt; 5, see
/// <see cref="LesionDetectability"/>): a 6 mm lesion 7 HU below the gland in 2.5 mm slices is beneath the noise for
/// any observer, so the whole cohort's AUC (0.79 for reference model 1.1.0 on this cohort; 0.86 on 60 cases) is held
/// only to a floor that catches a broken path, and the bar of AUC ≥ 0.95 to the lesions with d′ ≥ 5 against every
/// lesion-free phantom.
/// </para>
/// <para>
/// Physics does not account for all the misses. The second cohort (<see cref="LesionRange.Detectable"/>) keeps the
/// size bins, sites and lesion-free phantoms but draws every lesion visible in principle (d′ ≥ 5); reference model
/// 1.1.0 still misses some small (5–20 mm) ones there: whole-cohort AUC 0.972 on this cohort, but 0.785–0.979 on five
/// other 24-phantom seeds and 0.873–0.899 on 60 cases (edgectl eval --min-detectability 5). That gap is a limit of the
/// model, not of the path or of the phantoms, so that cohort too is held only to a floor. A defect anywhere on the path (geometry, preprocessing,
/// windowing, case score) sinks all of these.
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
    public void Every_lesion_of_a_detectable_cohort_is_above_the_rose_criterion_and_the_path_holds()
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

        // Not the 0.95 bar: reference model 1.1.0 misses some 5–20 mm lesions that are visible in principle (d′ ≥ 5),
        // a limit of the model (0.972 on this seed, 0.785 on seed 1). 0.80 catches a broken path, which sinks the AUC
        // towards 0.5.
        Assert.True(report.Auc >= 0.80, $"whole-cohort AUC {report.Auc:0.000} with every lesion at d′ ≥ 5; scores: {scores}");
    }
}
