using Edge.Inference.Evaluation;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>
/// The CI-sized evaluation through the full path (DICOM → assembly → ONNX Runtime); larger cohorts: edgectl eval.
/// <para>
/// The cohort is the conspicuous stratum: lesions of 10–40 mm at least 15 HU below the gland. On the generator's full
/// range (5–40 mm, 5–30 HU) the reference model 1.1.0 reaches AUC 0.79–0.87 on 24–60 cases (0.56 on the 12-case seed-7
/// cohort, whose lesions are 5.6 mm in 5 mm slices, 8.3 mm at 8 HU and 15.7 mm at 9 HU) — below the 0.95 bar of the
/// issue, which stays open; the model card and the issue note carry those figures. This test guards the pipeline: a
/// defect anywhere on the path (geometry, preprocessing, windowing, case score) sinks the stratum's AUC, while the
/// model's limit on sub-centimetre, low-contrast lesions does not hide it.
/// </para>
/// </summary>
public sealed class CohortEvaluationTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    private static readonly LesionRange Conspicuous = LesionRange.Full with { MinMm = 10, MinContrastHu = 15 };

    [Fact]
    public void A_cohort_of_conspicuous_lesions_reaches_auc_0_95()
    {
        using var temp = new TempDirectory();
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(24, seed: 7, size: 192, Conspicuous);
        var evaluator = new CohortEvaluator(new ScreeningPipeline([model.Package], model.Sessions), model.Package);

        EvaluationReport report = evaluator.Run(cohort, 7, temp.Path);

        Assert.Equal(24, report.Cases.Count);
        Assert.Equal(12, report.Cases.Count(c => c.Case.HasLesion));
        Assert.All(report.Cases.Where(c => c.Case.HasLesion), c => Assert.True(c.Case.LesionMm >= 10 && c.Case.ContrastHu >= 15));
        Assert.True(report.Auc >= 0.95, $"AUC {report.Auc:0.000}; scores: {string.Join(", ", report.Cases.Select(c => $"{(c.Case.HasLesion ? $"{c.Case.LesionMm}mm/{c.Case.ContrastHu}HU" : "none")}={c.Score:0.000}"))}");
        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Threshold, model.Package.Manifest.GetOperatingPoint().Threshold);
        Assert.Equal(12, report.BySize.Sum(b => b.Cases));
        Assert.DoesNotContain(report.Cases, c => c.Decision == ScreeningDecision.Failed);
    }
}
