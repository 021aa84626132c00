namespace Edge.Imaging.Eligibility;

/// <summary>
/// Whether a model may run on a series, with the reason: the first failed condition (with the actual value), or
/// a summary when all held. <see cref="Conditions"/> lists every condition's outcome.
/// </summary>
public sealed record EligibilityResult(string Model, bool Eligible, string Reason, IReadOnlyList<ConditionResult> Conditions);
