using Edge.Inference.Evaluation;
using Edge.Inference.Screening;

namespace Edge.Inference.Tests.ReferenceModel;

/// <summary>The CI-sized evaluation through the full path (DICOM → assembly → ONNX Runtime); larger cohorts: edgectl eval.</summary>
public sealed class CohortEvaluationTests(ReferenceModelFixture model) : IClassFixture<ReferenceModelFixture>
{
    [Fact]
    public void A_small_cohort_reaches_auc_0_95()
    {
        using var temp = new TempDirectory();
        IReadOnlyList<CohortCase> cohort = CohortPlanner.Plan(12, seed: 7, size: 192);
        var evaluator = new CohortEvaluator(new ScreeningPipeline([model.Package], model.Sessions), model.Package);

        EvaluationReport report = evaluator.Run(cohort, 7, temp.Path);

        Assert.Equal(12, report.Cases.Count);
        Assert.Equal(6, report.Cases.Count(c => c.Case.HasLesion));
        Assert.True(report.Auc >= 0.95, $"AUC {report.Auc:0.000}; scores: {string.Join(", ", report.Cases.Select(c => $"{(c.Case.HasLesion ? $"{c.Case.LesionMm}mm" : "none")}={c.Score:0.000}"))}");
        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Threshold, model.Package.Manifest.GetOperatingPoint().Threshold);
        Assert.Equal(6, report.BySize.Sum(b => b.Cases));
        Assert.DoesNotContain(report.Cases, c => c.Decision == ScreeningDecision.Failed);
    }
}
