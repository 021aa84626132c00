namespace Edge.Imaging.Eligibility;

/// <summary>Whether one condition held, and a sentence saying why, with the actual value.</summary>
public sealed record ConditionResult(string Property, bool Passed, string Reason);
