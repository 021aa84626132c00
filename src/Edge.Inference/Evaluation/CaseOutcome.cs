using Edge.Inference.Screening;

namespace Edge.Inference.Evaluation;

/// <summary>What the model said about one cohort phantom.</summary>
public sealed record CaseOutcome(CohortCase Case, double Score, ScreeningDecision Decision, string? Reason, int Findings, double Seconds);
