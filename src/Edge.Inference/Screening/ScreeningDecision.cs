namespace Edge.Inference.Screening;

/// <summary>The per-model outcome for one series. JSON spells them suspicious, negative, not_eligible and failed.</summary>
public enum ScreeningDecision
{
    Suspicious,
    Negative,
    NotEligible,
    Failed,
}
