using System.Diagnostics;
using Edge.Imaging.Assembly;
using Edge.Imaging.Phantom;
using Edge.Inference.Packages;
using Edge.Inference.Screening;

namespace Edge.Inference.Evaluation;

/// <summary>
/// Measures a model on a phantom cohort through the real appliance path: each phantom is rendered, written as DICOM
/// files, assembled back into a volume from those files, screened (eligibility, cascade, ONNX Runtime), and deleted.
/// </summary>
public sealed class CohortEvaluator
{
    private readonly ScreeningPipeline _pipeline;
    private readonly ModelPackage _package;

    public CohortEvaluator(ScreeningPipeline pipeline, ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(package);
        _pipeline = pipeline;
        _package = package;
    }

    public EvaluationReport Run(IReadOnlyList<CohortCase> cohort, int seed, string workDirectory, IProgress<int>? casesDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var outcomes = new List<CaseOutcome>(cohort.Count);
        foreach (CohortCase item in cohort)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(RunCase(item, Path.Combine(workDirectory, $"case-{item.Index:D4}"), cancellationToken));
            casesDone?.Report(outcomes.Count);
        }

        OperatingPoint point = _package.Manifest.GetOperatingPoint();
        double[] scores = [.. outcomes.Select(o => o.Score)];
        bool[] truth = [.. outcomes.Select(o => o.Case.HasLesion)];
        (double sensitivity, double specificity) = BinaryMetrics.At(scores, truth, point.Threshold);
        return new EvaluationReport
        {
            Model = _package.Id,
            Version = _package.Version,
            Cohort = cohort.Count,
            Seed = seed,
            Auc = BinaryMetrics.Auc(scores, truth),
            Sensitivity = sensitivity,
            Specificity = specificity,
            Threshold = point.Threshold,
            TargetSpecificity = point.TargetSpecificity,
            BySize = [.. CohortPlanner.SizeBins.Select(bin =>
            {
                CaseOutcome[] inBin = [.. outcomes.Where(o => o.Case.LesionMm is { } mm && mm >= bin.Min && (mm < bin.Max || bin.Max == CohortPlanner.SizeBins[^1].Max && mm <= bin.Max))];
                return new SizeBinResult(bin.Min, bin.Max, inBin.Length, inBin.Count(o => o.Score >= point.Threshold));
            })],
            ByDetectability = DetectabilityStratum.Measure(outcomes, point.Threshold),
            Roc = BinaryMetrics.Roc(scores, truth),
            Cases = outcomes,
        };
    }

    private CaseOutcome RunCase(CohortCase item, string directory, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            PhantomVolume phantom = PhantomGenerator.Generate(CohortPlanner.Options(item), cancellationToken: cancellationToken);
            PhantomWriter.Write(phantom, directory, new PhantomOutputOptions { Dicom = true, Labels = false }, cancellationToken: cancellationToken);
            string[] files = Directory.GetFiles(Path.Combine(directory, PhantomWriter.DicomFolder));
            AssembledVolume assembled = VolumeAssembler.AssembleFiles(files, cancellationToken: cancellationToken);
            ScreeningReport report = _pipeline.Screen(assembled.Volume, assembled.Properties, cancellationToken);
            ModelResult result = report.Models.Single(m => m.Id == _package.Id);
            return new CaseOutcome(item, result.Probability ?? 0, result.Decision, result.Reason, result.Findings.Count, clock.Elapsed.TotalSeconds)
            {
                NoiseSigmaHu = phantom.GroundTruth.NoiseSigmaHu,
                PixelSpacingMm = phantom.Scan.PixelSpacingMm,
                Detectability = LesionDetectability.Of(phantom),
            };
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
