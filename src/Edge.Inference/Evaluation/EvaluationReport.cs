namespace Edge.Inference.Evaluation;

/// <summary>One model's performance on a phantom cohort, measured through the full appliance path.</summary>
public sealed record EvaluationReport
{
    public required string Model { get; init; }
    public required string Version { get; init; }
    public required int Cohort { get; init; }
    public required int Seed { get; init; }
    public required double Auc { get; init; }
    public required double Sensitivity { get; init; }
    public required double Specificity { get; init; }
    public required double Threshold { get; init; }
    public required double TargetSpecificity { get; init; }
    public required IReadOnlyList<SizeBinResult> BySize { get; init; }

    /// <summary>Sensitivity and AUC by the lesions' Rose detectability index (<see cref="LesionDetectability"/>).</summary>
    public required IReadOnlyList<DetectabilityStratum> ByDetectability { get; init; }
    public required IReadOnlyList<RocPoint> Roc { get; init; }
    public required IReadOnlyList<CaseOutcome> Cases { get; init; }

    /// <summary>Cases the model could not score (counted as negative with score 0).</summary>
    public int Failed => Cases.Count(c => c.Decision is Screening.ScreeningDecision.Failed or Screening.ScreeningDecision.NotEligible);

    public double MeanSecondsPerCase => Cases.Count == 0 ? 0 : Cases.Average(c => c.Seconds);
}
