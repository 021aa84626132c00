using Edge.Inference.Screening;

namespace Edge.Inference.Evaluation;

/// <summary>What the model said about one cohort phantom, with the phantom's acquisition as generated.</summary>
public sealed record CaseOutcome(CohortCase Case, double Score, ScreeningDecision Decision, string? Reason, int Findings, double Seconds)
{
    /// <summary>Noise standard deviation of the slices (the phantom truth's, HU); null when not known.</summary>
    public double? NoiseSigmaHu { get; init; }

    /// <summary>In-plane pixel spacing of the phantom (mm); null when not known.</summary>
    public double? PixelSpacingMm { get; init; }

    /// <summary>The lesion's Rose detectability index d′ (<see cref="LesionDetectability"/>); null without a lesion.</summary>
    public double? Detectability { get; init; }
}
